namespace Portal.Engine.Evaluation;

/// <summary>One row of Microsoft Recommenders' published ml-100k table (their figures, not ours): MAP and NDCG, precision and recall at 10.</summary>
public sealed record MovieLensPublishedResult(string Algorithm, double Map, double Ndcg, double Precision, double Recall);
