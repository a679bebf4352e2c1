namespace Portal.Engine.Synthetic;

/// <summary>What a seeding run made and how long each half took.</summary>
public sealed record WorldSeedResult(WorldPreset Preset, int Seed, int Videos, int Creators, int Sounds, int Users, int Events, TimeSpan GenerateTime, TimeSpan LoadTime);
