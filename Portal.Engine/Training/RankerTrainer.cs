using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Portal.Engine.Ranking;

namespace Portal.Engine.Training;

/// <summary>
/// Trains the learned ranker: ML.NET's LightGBM binary classifier on logged impressions (features as served,
/// label = the user engaged positively afterwards), evaluated on the latest fifth of the rows by time. The trees are
/// then extracted into a <see cref="TreeEnsemble"/> for serving, which evaluates a batch of candidates far faster
/// than a prediction engine per row.
/// </summary>
public static class RankerTrainer
{
    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, int seed) =>
        ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = nameof(RankerInput.Label),
            FeatureColumnName = nameof(RankerInput.Features),
            NumberOfLeaves = 31,
            NumberOfIterations = 120,
            LearningRate = 0.1,
            MinimumExampleCountPerLeaf = 20,
            Seed = seed,
            Verbose = false,
            Silent = true,
            NumberOfThreads = Environment.ProcessorCount,
        });

    public static RankerTraining Train(IReadOnlyList<RankerExample> examples, int seed = 1)
    {
        var ordered = examples.OrderBy(e => e.ServedAtMs).ToList();
        var split = (int)(ordered.Count * 0.8);
        var ml = new MLContext(seed);
        var train = ml.Data.LoadFromEnumerable(ordered.Take(split).Select(ToInput));
        var test = ml.Data.LoadFromEnumerable(ordered.Skip(split).Select(ToInput));
        var model = (BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>)BuildPipeline(ml, seed).Fit(train);

        var auc = double.NaN;
        if (ordered.Count - split > 0)
        {
            var testLabels = ordered.Skip(split).Select(e => e.Engaged).Distinct().Count();
            if (testLabels == 2)
            {
                auc = ml.BinaryClassification.Evaluate(model.Transform(test), nameof(RankerInput.Label)).AreaUnderRocCurve;
            }
        }

        var ensemble = Extract(model.Model);
        var weights = default(VBuffer<float>);
        model.Model.SubModel.GetFeatureWeights(ref weights);
        var dense = weights.DenseValues().ToArray();
        var importance = RankingFeatures.Names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i < dense.Length ? (double)dense[x.i] : 0.0);

        using var zip = new MemoryStream();
        ml.Model.Save(model, train.Schema, zip);
        return new RankerTraining(ensemble, importance, zip.ToArray(), split, ordered.Count - split, ordered.Count == 0 ? 0 : ordered.Count(e => e.Engaged) / (double)ordered.Count, auc);
    }

    /// <summary>Reads a saved ranker (the ML.NET model zip) back and extracts its trees.</summary>
    public static TreeEnsemble Load(Stream zip)
    {
        var ml = new MLContext(1);
        var model = (BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>)ml.Model.Load(zip, out _);
        return Extract(model.Model);
    }

    /// <summary>ML.NET's own prediction for rows, for checking <see cref="TreeEnsemble"/> against it.</summary>
    public static float[] PredictWithMlNet(byte[] modelZip, IReadOnlyList<float[]> rows)
    {
        var ml = new MLContext(1);
        using var stream = new MemoryStream(modelZip);
        var model = ml.Model.Load(stream, out _);
        var engine = ml.Model.CreatePredictionEngine<RankerInput, RankerPrediction>(model);
        return rows.Select(r => engine.Predict(new RankerInput { Features = r }).Probability).ToArray();
    }

    private static TreeEnsemble Extract(CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> model)
    {
        var ensemble = model.SubModel.TrainedTreeEnsemble;
        var trees = new List<TreeEnsemble.Tree>(ensemble.Trees.Count);
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new InvalidOperationException("The ranker learned a categorical split; only numerical features are expected.");
            }

            trees.Add(new TreeEnsemble.Tree(
                ensemble.TreeWeights[t],
                [.. tree.NumericalSplitFeatureIndexes],
                [.. tree.NumericalSplitThresholds],
                [.. tree.LeftChild],
                [.. tree.RightChild],
                [.. tree.LeafValues]));
        }

        return new TreeEnsemble(trees, ensemble.Bias, model.Calibrator.Slope, model.Calibrator.Offset);
    }

    private static RankerInput ToInput(RankerExample example) => new() { Features = example.Features, Label = example.Engaged };
}
