using Portal.Engine.Evaluation;

namespace Portal.Tests.Engine.Evaluation;

/// <summary>Every figure below was worked out by hand; the comments show the arithmetic.</summary>
public sealed class RankingMetricsTests
{
    private static readonly int[] Ranked = [1, 2, 3, 4, 5];
    private static readonly HashSet<int> Relevant = [2, 5, 9];

    [Fact]
    public void Ndcg_HitsAtRanksTwoAndFive()
    {
        // DCG = 1/log2(3) + 1/log2(6) = 0.630930 + 0.386853; IDCG over min(5, 3) = 3 hits = 1 + 0.630930 + 0.5.
        Assert.Equal(1.017783 / 2.130930, RankingMetrics.Ndcg(Ranked, Relevant, 5), 5);
        Assert.Equal(0, RankingMetrics.Ndcg(Ranked, Relevant, 1));
        Assert.Equal(1, RankingMetrics.Ndcg([2, 5, 9], Relevant, 3), 10);
        Assert.Equal(0, RankingMetrics.Ndcg(Ranked, new HashSet<int>(), 5));
    }

    [Fact]
    public void Recall_PrecisionAndHitRate()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 5), 10);
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(Ranked, Relevant, 2), 10);
        Assert.Equal(0.4, RankingMetrics.Precision(Ranked, Relevant, 5), 10);
        Assert.Equal(1, RankingMetrics.HitRate(Ranked, Relevant, 5));
        Assert.Equal(0, RankingMetrics.HitRate(Ranked, Relevant, 1));
    }

    [Fact]
    public void AveragePrecision_SumsPrecisionAtEachHitOverTheRelevantCount()
    {
        // Hits at 2 (precision 1/2) and 5 (precision 2/5): (0.5 + 0.4) / 3.
        Assert.Equal(0.3, RankingMetrics.AveragePrecision(Ranked, Relevant, 5), 10);
        Assert.Equal(1.0 / 6, RankingMetrics.AveragePrecision(Ranked, Relevant, 2), 10);
    }

    [Fact]
    public void CatalogCoverage_CountsDistinctItemsOverTheCatalog() =>
        Assert.Equal(0.3, RankingMetrics.CatalogCoverage([[1, 2], [2, 3]], 10), 10);

    [Fact]
    public void IntraListDiversity_MeanPairwiseDissimilarity()
    {
        var vectors = new Dictionary<int, float[]> { [1] = [1, 0], [2] = [0, 1], [3] = [1, 0] };

        // Pairs (1,2): 1 − 0; (1,3): 1 − 1; (2,3): 1 − 0 → 2 / 3.
        Assert.Equal(2.0 / 3, RankingMetrics.IntraListDiversity([1, 2, 3], i => vectors[i]), 6);
        Assert.Equal(0, RankingMetrics.IntraListDiversity([1], i => vectors[i]));
    }

    [Fact]
    public void Novelty_MeanSelfInformation()
    {
        // Item 1 seen by all 8 users: −log2(1) = 0; item 2 by 2 of 8: −log2(1/4) = 2.
        var seenBy = new Dictionary<int, int> { [1] = 8, [2] = 2 };
        Assert.Equal(1, RankingMetrics.Novelty([1, 2], i => seenBy[i], 8), 10);
    }

    [Fact]
    public void RepetitionRate_CountsCreatorOrSoundRepeatsWithinTheWindow()
    {
        (int, int)[] sequence = [(1, 10), (2, 20), (1, 30), (3, 20)];

        // Window 2: item 3 repeats creator 1 (two back), item 4 repeats sound 20 (two back) → 2 / 4.
        Assert.Equal(0.5, RankingMetrics.RepetitionRate(sequence, 2), 10);
        Assert.Equal(0, RankingMetrics.RepetitionRate(sequence, 1), 10);
    }

    [Fact]
    public void AdjustedRandIndex_AgainstHandComputedValues()
    {
        Assert.Equal(1, RankingMetrics.AdjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]), 10);
        Assert.Equal(0, RankingMetrics.AdjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3]), 10);

        // Contingency pairs 2, row pairs 3, column pairs 4, all pairs 15: (2 − 0.8) / (3.5 − 0.8).
        Assert.Equal(1.2 / 2.7, RankingMetrics.AdjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2]), 10);
    }
}
