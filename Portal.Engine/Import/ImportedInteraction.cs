namespace Portal.Engine.Import;

/// <summary>
/// One row of a data set's interaction file (a rating, a view), already mapped to what the engine stores for it:
/// an impression and a watch of <see cref="WatchFraction"/>, plus a like and/or a skip when the flags say so, all at
/// <see cref="AtMs"/> (Unix milliseconds). Kept compact: a big file holds millions of them.
/// </summary>
public readonly record struct ImportedInteraction(long User, int Video, float WatchFraction, bool Like, bool Skip, long AtMs)
{
    /// <summary>How many events the row becomes.</summary>
    public int EventCount => 2 + (Like ? 1 : 0) + (Skip ? 1 : 0);
}
