using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Candidates;

/// <summary>Settings of the candidate sources and of the engagement statistics they draw on. Section <c>Engine:Candidates</c>.</summary>
public sealed class CandidatesOptions
{
    public const string SectionName = "Engine:Candidates";

    /// <summary>Half-life of an engagement's weight in popularity, in hours.</summary>
    [Range(1, 24 * 365)]
    public double PopularityHalfLifeHours { get; set; } = 48;

    /// <summary>Half-life of an engagement's weight in the trending score, in hours (shorter than popularity's).</summary>
    [Range(1, 24 * 30)]
    public double TrendingHalfLifeHours { get; set; } = 6;

    /// <summary>Length of the precomputed most-popular lists (overall, per country, per language).</summary>
    [Range(50, 100_000)]
    public int TopListSize { get; set; } = 1_000;

    /// <summary>Co-engagement neighbours kept per video.</summary>
    [Range(1, 200)]
    public int CoEngagementNeighbors { get; set; } = 20;

    /// <summary>How many of a user's latest positive engagements count towards co-engagement.</summary>
    [Range(2, 1_000)]
    public int CoEngagementHistory { get; set; } = 50;

    /// <summary>How often the engagement statistics (popularity, trending, co-engagement) are rebuilt from events, in minutes.</summary>
    [Range(1, 24 * 60)]
    public int RefreshIntervalMinutes { get; set; } = 5;

    /// <summary>
    /// Rebuild the engagement statistics on the engine's own timer (every <see cref="RefreshIntervalMinutes"/>). A host
    /// that schedules the rebuild itself (the portal, as a recurring job) turns this off.
    /// </summary>
    public bool BackgroundRefresh { get; set; } = true;

    /// <summary>Most candidates one source proposes for one request.</summary>
    [Range(8, 1_000)]
    public int PerSourceLimit { get; set; } = 60;

    /// <summary>How many of the user's closest topic groups the similar-content source searches.</summary>
    [Range(1, 20)]
    public int SimilarContentClusters { get; set; } = 3;

    /// <summary>How many of the most popular videos of each such group it compares with the user's interest vector.</summary>
    [Range(10, 10_000)]
    public int SimilarContentScanPerCluster { get; set; } = 300;

    /// <summary>How many of the user's latest positive engagements make up the short-term interest vector.</summary>
    [Range(1, 200)]
    public int RecentPositives { get; set; } = 20;

    /// <summary>How many followed or liked creators the creator source draws from.</summary>
    [Range(1, 100)]
    public int Creators { get; set; } = 10;

    /// <summary>Newest videos taken from each of those creators.</summary>
    [Range(1, 50)]
    public int VideosPerCreator { get; set; } = 4;

    /// <summary>Share of the candidate pool the exploration source fills with videos from topic groups the user has not engaged with.</summary>
    [Range(0.0, 0.5)]
    public double ExplorationShare { get; set; } = 0.1;
}
