namespace Portal.Engine.Events;

/// <summary>One engagement as the online user state keeps it: which video, what, how strong, when.</summary>
public readonly record struct EngagementRecord(int VideoId, EngagementKind Kind, float Weight, long AtMs);
