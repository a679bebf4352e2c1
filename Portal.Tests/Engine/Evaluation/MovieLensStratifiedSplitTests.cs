using Portal.Engine.Evaluation;

namespace Portal.Tests.Engine.Evaluation;

public sealed class MovieLensStratifiedSplitTests
{
    /// <summary>Item i has i ratings (1 to 40), from distinct users.</summary>
    private static readonly List<MovieLensRating> Ratings =
        Enumerable.Range(1, 40).SelectMany(item => Enumerable.Range(1, item).Select(user => new MovieLensRating(user, item, 1 + user % 5, 1_000L * (item * 100 + user)))).ToList();

    [Fact]
    public void Split_EachItem_Has75PercentRoundedToEvenInTraining()
    {
        var split = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 42);

        var train = split.Train.GroupBy(r => r.Item).ToDictionary(g => g.Key, g => g.Count());
        var test = split.Test.GroupBy(r => r.Item).ToDictionary(g => g.Key, g => g.Count());
        for (var item = 1; item <= 40; item++)
        {
            var expected = (int)Math.Round(0.75 * item, MidpointRounding.ToEven);
            Assert.Equal(expected, train[item]);
            Assert.Equal(item - expected, test.GetValueOrDefault(item));
        }

        // Python's round: one rating → 1 in training, two → 2 (round(1.5) = 2), six → 4 (round(4.5) = 4).
        Assert.Equal((1, 2, 4), (train[1], train[2], train[6]));
        Assert.Equal(Ratings.Count, split.Train.Count + split.Test.Count);
    }

    [Fact]
    public void Split_NoUserItemPairIsInBothHalves()
    {
        var split = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 42);

        var train = split.Train.Select(r => (r.User, r.Item)).ToHashSet();
        Assert.DoesNotContain(split.Test, r => train.Contains((r.User, r.Item)));
        Assert.Equal(Ratings.Select(r => (r.User, r.Item)).Order(), split.Train.Concat(split.Test).Select(r => (r.User, r.Item)).Order());
    }

    [Fact]
    public void Split_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        var first = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 42);
        var again = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 42);
        var other = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 7);

        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Test.ToHashSet(), other.Test.ToHashSet());
        Assert.Equal(first.Test.Count, other.Test.Count);
    }

    [Fact]
    public void Split_TakesARandomShareOfEachItem_NotTheOldestOrFirstRows()
    {
        var split = MovieLensStratifiedSplit.Split(Ratings, 0.75, seed: 42);

        // Within item 40, ratings come in user order; a random split puts some of the first ten users in the test set.
        Assert.Contains(split.Test, r => r.Item == 40 && r.User <= 10);
    }
}
