namespace Portal.Engine.Feed;

/// <summary>What the engine believes about a user right now, for staff to read: the online state summarised.</summary>
public sealed record UserInsight(
    long UserId,
    bool ColdStart,
    int Engagements,
    int BatchesServed,
    int SeenVideos,
    int FollowedCreators,
    IReadOnlyList<InsightEntry> TopClusters,
    IReadOnlyList<InsightEntry> TopCreators,
    IReadOnlyList<InsightEntry> TopSounds,
    IReadOnlyList<InsightEntry> Fatigued);

/// <summary>A named thing with a weight (a topic group, creator or sound) in a user insight.</summary>
public sealed record InsightEntry(int Id, string Name, float Weight);
