namespace Portal.Engine.Synthetic;

/// <summary>One theme in a generated user's hidden mix of interests. Read by the simulator only, never by the engine.</summary>
public sealed class UserInterest
{
    public long UserId { get; set; }

    public int Theme { get; set; }

    public float Weight { get; set; }
}
