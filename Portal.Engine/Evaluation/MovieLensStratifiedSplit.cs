using Portal.Engine.Primitives;

namespace Portal.Engine.Evaluation;

/// <summary>
/// The split of Microsoft Recommenders' MovieLens benchmark (<c>python_stratified_split(ratio=0.75, min_rating=1,
/// filter_by="item")</c>): each item's ratings are shuffled with the seed and the first
/// <c>round(0.75 · n)</c> of them train, the rest test. Rounding is to even, as Python's <c>round</c> does, so an item
/// with a single rating (round(0.75) = 1) or two (round(1.5) = 2) has all of them in training; every item of the test
/// set has at least one training rating. The random numbers differ from numpy's, so the split is the same kind of
/// split, not the very same rows; it is the same for the same seed and ratings in the same order.
/// </summary>
public static class MovieLensStratifiedSplit
{
    public static MovieLensSplit Split(IReadOnlyList<MovieLensRating> ratings, double trainShare = 0.75, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainShare, 1);

        // One random key per rating in input order (numpy draws one per row the same way), then each item's ratings by key.
        var random = new SeededRandom((ulong)seed);
        var keys = new double[ratings.Count];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = random.NextDouble();
        }

        var byItem = new Dictionary<int, List<int>>();
        for (var r = 0; r < ratings.Count; r++)
        {
            if (!byItem.TryGetValue(ratings[r].Item, out var list))
            {
                byItem[ratings[r].Item] = list = [];
            }

            list.Add(r);
        }

        var train = new List<MovieLensRating>((int)(ratings.Count * trainShare) + byItem.Count);
        var test = new List<MovieLensRating>(ratings.Count - train.Capacity + byItem.Count);
        foreach (var item in byItem.Keys.Order())
        {
            var rows = byItem[item];
            rows.Sort((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
            var inTrain = (int)Math.Round(trainShare * rows.Count, MidpointRounding.ToEven);
            for (var i = 0; i < rows.Count; i++)
            {
                (i < inTrain ? train : test).Add(ratings[rows[i]]);
            }
        }

        return new MovieLensSplit(train, test);
    }
}
