namespace Portal.Engine.Representation;

/// <summary>One finished ALS iteration: its number, how long it took, and the training loss when it was asked for.</summary>
public readonly record struct AlsIteration(int Iteration, TimeSpan Elapsed, double? Loss);
