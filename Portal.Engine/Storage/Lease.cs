namespace Portal.Engine.Storage;

/// <summary>A named lease held by one engine instance until <see cref="ExpiresAt"/> (renewed while the holder works).</summary>
public sealed class Lease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime ExpiresAt { get; set; }
}
