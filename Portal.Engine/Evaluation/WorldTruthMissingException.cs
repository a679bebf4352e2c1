namespace Portal.Engine.Evaluation;

/// <summary>Thrown when a simulation is asked for on data that was not generated (imported data has no hidden truth to react with).</summary>
public sealed class WorldTruthMissingException()
    : InvalidOperationException("Simulation needs a generated world: this database has no hidden truth about its videos (it was imported, or never seeded).");
