namespace Portal.Engine.Synthetic;

/// <summary>Where a seeding run is: a stage name ("events") and 0..100 overall.</summary>
public readonly record struct WorldSeedProgress(string Stage, double Percent);
