namespace Portal.Engine.Catalog;

/// <summary>Someone who posts videos.</summary>
public sealed class Creator
{
    public int Id { get; set; }

    public string Handle { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Language { get; set; }

    public DateTime CreatedAt { get; set; }

    public CreatorStatus Status { get; set; }

    public List<Video> Videos { get; set; } = [];
}
