namespace Portal.Engine.Diversity;

/// <summary>The draft rules and the active rules run on the same users with the same request ids, side by side.</summary>
public sealed record RulesImpactComparison(RulesImpact Draft, RulesImpact Active, int ActiveVersion, TimeSpan Elapsed);
