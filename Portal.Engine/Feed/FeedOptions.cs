using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Feed;

/// <summary>How feeds are assembled and logged. Section <c>Engine:Feed</c>.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Engine:Feed";

    /// <summary>Videos per batch.</summary>
    public const int BatchSize = 8;

    /// <summary>A user with fewer engagements than this (anything but impressions) gets the cold-start batch.</summary>
    [Range(0, 1_000)]
    public int ColdStartEngagements { get; set; } = 5;

    /// <summary>How long "not interested" keeps a video's creator and sound away, in hours.</summary>
    [Range(0, 24 * 365)]
    public double NotInterestedFatigueHours { get; set; } = 72;

    /// <summary>Half-life of a user's creator and sound affinities, in hours.</summary>
    [Range(1, 24 * 365)]
    public double AffinityHalfLifeHours { get; set; } = 24 * 7;

    /// <summary>How many of a user's latest engagements the online state keeps.</summary>
    [Range(10, 10_000)]
    public int RecentEngagements { get; set; } = 200;
}
