using Portal.Engine.Ranking;

namespace Portal.Engine.Training;

/// <summary>A trained ranker with what was measured on its held-out rows.</summary>
public sealed record RankerTraining(TreeEnsemble Ensemble, IReadOnlyDictionary<string, double> FeatureImportance, byte[] ModelZip, int TrainRows, int TestRows, double PositiveRate, double TestAuc);
