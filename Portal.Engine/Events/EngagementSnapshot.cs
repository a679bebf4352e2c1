namespace Portal.Engine.Events;

/// <summary>
/// What all users' events say about videos, as of one moment: time-decayed popularity (global and per country),
/// trending velocity, and item co-engagement neighbours. Immutable; rebuilt by <see cref="EngagementSnapshotBuilder"/>
/// on a schedule. Arrays are indexed like the catalog snapshot it was built against.
/// </summary>
public sealed class EngagementSnapshot
{
    internal EngagementSnapshot(
        DateTime builtAt,
        DateTime referenceTime,
        long eventWatermark,
        long eventCount,
        float[] popularity,
        float[] trending,
        Dictionary<int, int[]> countryTop,
        Dictionary<int, int[]> languageTop,
        int[] globalTop,
        int[] trendingTop,
        int[][] coEngaged,
        float[][] coEngagedScores)
    {
        BuiltAt = builtAt;
        ReferenceTime = referenceTime;
        EventWatermark = eventWatermark;
        EventCount = eventCount;
        Popularity = popularity;
        Trending = trending;
        CountryTop = countryTop;
        LanguageTop = languageTop;
        GlobalTop = globalTop;
        TrendingTop = trendingTop;
        CoEngaged = coEngaged;
        CoEngagedScores = coEngagedScores;
        MaxPopularity = popularity.Length == 0 ? 0 : popularity.Max();
        MaxTrending = trending.Length == 0 ? 0 : trending.Max();
    }

    public DateTime BuiltAt { get; }

    /// <summary>The instant ages are measured from: the newest event, or now if that is earlier.</summary>
    public DateTime ReferenceTime { get; }

    /// <summary>The highest event id included; a replay rebuilds the same snapshot from events up to it.</summary>
    public long EventWatermark { get; }

    public long EventCount { get; }

    /// <summary>Time-decayed engagement per video (≥ 0).</summary>
    public float[] Popularity { get; }

    public float MaxPopularity { get; }

    /// <summary>Recent engagement above the video's own longer-term rate (≥ 0).</summary>
    public float[] Trending { get; }

    public float MaxTrending { get; }

    /// <summary>Most popular videos per user country (country index of the catalog), best first.</summary>
    public Dictionary<int, int[]> CountryTop { get; }

    /// <summary>Most popular videos per language index (including language-neutral ones for every language), best first.</summary>
    public Dictionary<int, int[]> LanguageTop { get; }

    /// <summary>Most popular videos overall, best first.</summary>
    public int[] GlobalTop { get; }

    /// <summary>Videos with the highest trending score, best first (only those above zero).</summary>
    public int[] TrendingTop { get; }

    /// <summary>Per video, the videos the same people engaged with positively, best first.</summary>
    public int[][] CoEngaged { get; }

    /// <summary>Cosine co-engagement score for each entry of <see cref="CoEngaged"/>.</summary>
    public float[][] CoEngagedScores { get; }

    /// <summary>Popularity scaled to 0..1 on a log scale.</summary>
    public float NormalizedPopularity(int video) =>
        MaxPopularity <= 0 ? 0 : MathF.Log(1 + Popularity[video]) / MathF.Log(1 + MaxPopularity);

    public float NormalizedTrending(int video) => MaxTrending <= 0 ? 0 : Trending[video] / MaxTrending;
}
