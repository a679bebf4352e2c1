namespace Portal.Engine.Ranking;

/// <summary>
/// The features every candidate is scored on, in a fixed order (the order of <see cref="Names"/>):
/// <list type="table">
/// <item><term>popularity</term><description>time-decayed engagement, log-scaled to 0..1</description></item>
/// <item><term>trending</term><description>recent engagement above the video's longer-term rate, 0..1</description></item>
/// <item><term>contentSimilarity</term><description>cosine of the video's content vector with the user's interest vector, −1..1 (0 without interest)</description></item>
/// <item><term>clusterAffinity</term><description>tanh of the user's recency-weighted engagement with the video's topic group / 3, −1..1</description></item>
/// <item><term>creatorAffinity</term><description>1 when the user follows the creator, else tanh(affinity / 3)</description></item>
/// <item><term>soundAffinity</term><description>tanh(affinity / 3) with the video's sound</description></item>
/// <item><term>coEngagement</term><description>the co-engagement source's score, 0..1</description></item>
/// <item><term>freshness</term><description>2^(−age in days / 7)</description></item>
/// <item><term>languageMatch</term><description>1 in the user's language, 0.6 language-neutral</description></item>
/// <item><term>sourceCount</term><description>how many sources proposed it, / 3, capped at 1</description></item>
/// <item><term>fatigue</term><description>1 while "not interested" keeps its creator or sound away</description></item>
/// <item><term>exploration</term><description>1 when proposed by the exploration source</description></item>
/// <item><term>clusterProximity</term><description>the cluster-proximity source's score, 0..1</description></item>
/// <item><term>collaborative</term><description>the collaborative source's score, 0..1</description></item>
/// </list>
/// </summary>
public static class RankingFeatures
{
    public const int Popularity = 0;
    public const int Trending = 1;
    public const int ContentSimilarity = 2;
    public const int ClusterAffinity = 3;
    public const int CreatorAffinity = 4;
    public const int SoundAffinity = 5;
    public const int CoEngagement = 6;
    public const int Freshness = 7;
    public const int LanguageMatch = 8;
    public const int SourceCount = 9;
    public const int Fatigue = 10;
    public const int Exploration = 11;
    public const int ClusterProximity = 12;
    public const int Collaborative = 13;

    public static IReadOnlyList<string> Names { get; } =
    [
        "popularity", "trending", "contentSimilarity", "clusterAffinity", "creatorAffinity", "soundAffinity", "coEngagement",
        "freshness", "languageMatch", "sourceCount", "fatigue", "exploration", "clusterProximity", "collaborative",
    ];

    public static int Count => Names.Count;
}
