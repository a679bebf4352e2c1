using Portal.Engine.Primitives;
using Portal.Engine.Representation;

namespace Portal.Tests.Engine.Representation;

public sealed class ImplicitAlsTests
{
    /// <summary>Two communities: the first 60 users engage with the first 80 items, the others with the rest.</summary>
    private static InteractionMatrix BlockMatrix(out HashSet<(int User, int Item)> observed)
    {
        var random = new SeededRandom(3);
        var entries = new List<(int, int, float, float)>();
        observed = [];
        for (var u = 0; u < 120; u++)
        {
            var block = u < 60 ? 0 : 1;
            for (var i = block * 80; i < block * 80 + 80; i++)
            {
                if (random.Chance(0.25))
                {
                    entries.Add((u, i, 1f, 1f + 10f * (float)random.NextDouble()));
                    observed.Add((u, i));
                }
            }
        }

        return InteractionMatrix.From(120, 160, entries);
    }

    [Fact]
    public void Train_BlockStructuredMatrix_RanksUnseenInBlockItemsFirst()
    {
        var matrix = BlockMatrix(out var observed);

        // Few factors for two communities: a low-rank model has to generalise, which is what ranks unseen items.
        var factors = ImplicitAls.Train(matrix, new AlsOptions { Factors = 4, Iterations = 10, Regularization = 0.5f });

        for (var u = 0; u < matrix.Users; u++)
        {
            var block = u < 60 ? 0 : 1;
            var top = Enumerable.Range(0, matrix.Items)
                .Where(i => !observed.Contains((u, i)))
                .OrderByDescending(i => factors.Score(u, i))
                .Take(10);
            Assert.All(top, i => Assert.Equal(block, i / 80));
        }
    }

    [Fact]
    public void Train_LossFallsEveryIteration()
    {
        var matrix = BlockMatrix(out _);
        var losses = new List<double>();

        ImplicitAls.Train(matrix, new AlsOptions { Factors = 16, Iterations = 8 }, it => losses.Add(it.Loss!.Value), computeLoss: true);

        Assert.Equal(8, losses.Count);
        for (var i = 1; i < losses.Count; i++)
        {
            Assert.True(losses[i] <= losses[i - 1] * (1 + 1e-6), $"loss rose at iteration {i + 1}: {losses[i - 1]} → {losses[i]}");
        }

        Assert.True(losses[^1] < losses[0] * 0.9);
    }

    [Fact]
    public void Train_NegativeFeedback_PushesTheItemDown()
    {
        // User 0 and 1 share tastes; user 0 said no to item 5, which user 1 likes.
        var entries = new List<(int, int, float, float)>();
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < 10; i++)
            {
                if (u != 0 || i != 5)
                {
                    entries.Add((u, i, 1f, 5f));
                }
            }
        }

        var options = new AlsOptions { Factors = 2, Iterations = 10, Regularization = 0.5f };
        var withoutNegative = ImplicitAls.Train(InteractionMatrix.From(20, 12, entries), options);
        entries.Add((0, 5, 0f, 40f));
        var withNegative = ImplicitAls.Train(InteractionMatrix.From(20, 12, entries), options);

        Assert.True(withNegative.Score(0, 5) < withoutNegative.Score(0, 5) - 0.1f);
    }

    [Fact]
    public void Train_SameSeed_SameFactorsWhateverTheThreads()
    {
        var matrix = BlockMatrix(out _);

        var one = ImplicitAls.Train(matrix, new AlsOptions { Factors = 8, Iterations = 3, Threads = 1 });
        var two = ImplicitAls.Train(matrix, new AlsOptions { Factors = 8, Iterations = 3, Threads = 2 });

        Assert.Equal(one.UserFactors, two.UserFactors);
    }

    [Fact]
    public void From_EntryOutsideTheMatrix_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InteractionMatrix.From(2, 2, [(2, 0, 1f, 1f)]));
}
