namespace Portal.Engine.Synthetic;

/// <summary>Everything a world is a function of: the same spec always gives the identical world.</summary>
/// <param name="Anchor">The UTC instant the world's history ends at ("now" for the world).</param>
public sealed record WorldSpec(WorldPreset Preset, int Seed, DateTime Anchor);
