using Portal.Engine.Events;

namespace Portal.Engine.Training;

/// <summary>One stored event as training reads it: compact, with the video as a catalog snapshot index.</summary>
public readonly record struct EventRow(long Id, long User, int Video, EngagementKind Kind, float? WatchFraction, long AtMs)
{
    public float Weight => EngagementWeights.Of(Kind, WatchFraction);

    public bool IsPositive => EngagementWeights.IsPositive(Kind, WatchFraction);
}
