namespace Portal.Engine.Evaluation;

/// <summary>How each model did with the same simulated users: mean positive reactions per batch and like rate per shown video.</summary>
public sealed record SimulatedComparison(int Users, int Batches, IReadOnlyDictionary<string, double> PositivesPerBatch, IReadOnlyDictionary<string, double> LikeRate);
