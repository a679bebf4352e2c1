namespace Portal.Engine.Evaluation;

/// <summary>How big a simulation is: how many simulated users, each taking how many batches.</summary>
public sealed record SimulationOptions(int Users = 100, int Batches = 10, int Seed = 1);
