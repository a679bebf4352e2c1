namespace Portal.Engine.Training;

/// <summary>Thrown when a training run is asked for while another one is still running (in this process or in another instance on the same database).</summary>
public sealed class TrainingAlreadyRunningException() : InvalidOperationException("A training run is already in progress; wait for it to finish.");
