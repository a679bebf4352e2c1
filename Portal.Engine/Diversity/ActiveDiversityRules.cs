namespace Portal.Engine.Diversity;

/// <summary>The rules in force and the version they were published as.</summary>
public sealed record ActiveDiversityRules(int Version, DiversityRules Rules, string Author, string Reason, DateTime PublishedAt);
