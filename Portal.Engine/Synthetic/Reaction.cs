namespace Portal.Engine.Synthetic;

/// <summary>How a simulated user reacted to one shown video.</summary>
public readonly record struct Reaction(
    float WatchFraction,
    bool Skipped,
    bool Liked,
    bool Shared,
    bool Commented,
    bool Followed,
    bool NotInterested,
    bool Reported)
{
    /// <summary>True when the reaction says the user wanted more like this: a like, share, comment or follow.</summary>
    public bool IsPositive => Liked || Shared || Commented || Followed;
}
