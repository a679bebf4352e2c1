namespace Portal.Engine.Training;

/// <summary>One step of a training run and how long it took.</summary>
public sealed record TrainingStep(string Name, double Seconds, string? Note = null);
