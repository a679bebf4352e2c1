namespace Portal.Engine.Events;

/// <summary>What a user did with a video. Stored as its integer value.</summary>
public enum EngagementKind
{
    Impression = 0,
    Watch = 1,
    Like = 2,
    Share = 3,
    Comment = 4,
    Follow = 5,
    Skip = 6,
    NotInterested = 7,
    Report = 8,
}
