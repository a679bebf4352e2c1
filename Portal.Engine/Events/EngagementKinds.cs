namespace Portal.Engine.Events;

/// <summary>The names engagement kinds go by in the API: impression, watch, like, share, comment, follow, skip, notInterested, report.</summary>
public static class EngagementKinds
{
    private static readonly Dictionary<string, EngagementKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["impression"] = EngagementKind.Impression,
        ["watch"] = EngagementKind.Watch,
        ["like"] = EngagementKind.Like,
        ["share"] = EngagementKind.Share,
        ["comment"] = EngagementKind.Comment,
        ["follow"] = EngagementKind.Follow,
        ["skip"] = EngagementKind.Skip,
        ["notInterested"] = EngagementKind.NotInterested,
        ["not_interested"] = EngagementKind.NotInterested,
        ["report"] = EngagementKind.Report,
    };

    public static IReadOnlyList<string> Names { get; } = ["impression", "watch", "like", "share", "comment", "follow", "skip", "notInterested", "report"];

    public static bool TryParse(string? name, out EngagementKind kind) => ByName.TryGetValue(name?.Trim() ?? "", out kind);

    public static string NameOf(EngagementKind kind) => Names[(int)kind];
}
