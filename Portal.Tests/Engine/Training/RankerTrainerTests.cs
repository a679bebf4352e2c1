using Portal.Engine.Primitives;
using Portal.Engine.Ranking;
using Portal.Engine.Training;

namespace Portal.Tests.Engine.Training;

public sealed class RankerTrainerTests
{
    private static List<RankerExample> Examples(int count)
    {
        var random = new SeededRandom(5);
        var examples = new List<RankerExample>(count);
        for (var i = 0; i < count; i++)
        {
            var features = new float[RankingFeatures.Count];
            for (var f = 0; f < features.Length; f++)
            {
                features[f] = (float)random.NextDouble();
            }

            // Engagement depends on content similarity and creator affinity; the rest is noise.
            var p = 1 / (1 + Math.Exp(-(6 * features[RankingFeatures.ContentSimilarity] + 3 * features[RankingFeatures.CreatorAffinity] - 5)));
            examples.Add(new RankerExample(features, random.Chance(p), i));
        }

        return examples;
    }

    [Fact]
    public void Train_LearnsTheInformativeFeaturesAndRanksWell()
    {
        var training = RankerTrainer.Train(Examples(6_000));

        Assert.True(training.TestAuc > 0.75, $"AUC {training.TestAuc}");
        var top = training.FeatureImportance.OrderByDescending(f => f.Value).Take(2).Select(f => f.Key).ToHashSet();
        Assert.Equal(new HashSet<string> { "contentSimilarity", "creatorAffinity" }, top);
        Assert.Equal(4_800, training.TrainRows);
    }

    [Fact]
    public void Extracted_Trees_ReproduceMlNetsPredictions()
    {
        var examples = Examples(3_000);
        var training = RankerTrainer.Train(examples);
        var rows = examples.Take(200).Select(e => e.Features).ToList();

        var mlNet = RankerTrainer.PredictWithMlNet(training.ModelZip, rows);
        var ours = rows.Select(r => training.Ensemble.Probability(r)).ToArray();

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(mlNet[i], ours[i], 4);
        }

        using var zip = new MemoryStream(training.ModelZip);
        var reloaded = RankerTrainer.Load(zip);
        Assert.Equal(ours[7], reloaded.Probability(rows[7]), 6);
    }
}
