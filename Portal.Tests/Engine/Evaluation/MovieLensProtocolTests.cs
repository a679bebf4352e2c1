using Portal.Engine.Evaluation;
using Portal.Engine.Import;
using Portal.Tests.Engine.Import;

namespace Portal.Tests.Engine.Evaluation;

public sealed class MovieLensProtocolTests
{
    [Fact]
    public void Evaluate_PlantedGroups_AlsBeatsPopularityOnEveryMetric()
    {
        using var folder = new DataSetFolder().WritePlantedMl100k();
        var data = new MovieLensReader().Read(folder.Path);
        var ratings = data.Interactions.Select(i => new MovieLensRating(i.User, i.Video, i.WatchFraction * 5, i.AtMs)).ToList();

        var result = MovieLensProtocol.Evaluate(ratings, new HoldoutOptions { Als = new() { Factors = 16, Iterations = 10, Seed = 42 } });

        var popularity = result.For("popularity")!;
        var als = result.For("als")!;
        Assert.Equal(150, result.Users);
        Assert.Equal(ratings.Count, result.TrainRows + result.TestRows);
        Assert.InRange(result.TestRows, ratings.Count * 0.22, ratings.Count * 0.28);
        Assert.True(als.Ndcg > popularity.Ndcg + 0.1, $"ALS NDCG {als.Ndcg:0.000}, popularity {popularity.Ndcg:0.000}");
        Assert.True(als.Precision > popularity.Precision);
        Assert.True(als.Recall > popularity.Recall);
        Assert.True(als.Map > popularity.Map);
        Assert.Contains(result.Notes, n => n.Contains("validation split", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SameSeed_SameFigures()
    {
        using var folder = new DataSetFolder().WritePlantedMl100k(users: 60, items: 80, ratingsPerUser: 15);
        var ratings = new MovieLensReader().Read(folder.Path).Interactions.Select(i => new MovieLensRating(i.User, i.Video, i.WatchFraction * 5, i.AtMs)).ToList();
        var options = new HoldoutOptions { Als = new() { Factors = 8, Iterations = 5, Seed = 42, Threads = 1 }, AlphaGrid = [1], RegularizationGrid = [5] };

        var first = MovieLensProtocol.Evaluate(ratings, options);
        var again = MovieLensProtocol.Evaluate(ratings, options);

        Assert.Equal(first.Methods.Select(m => (m.Ndcg, m.Map)), again.Methods.Select(m => (m.Ndcg, m.Map)));
        Assert.DoesNotContain(first.Notes, n => n.Contains("validation split", StringComparison.Ordinal));
    }
}
