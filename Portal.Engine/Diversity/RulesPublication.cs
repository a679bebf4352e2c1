namespace Portal.Engine.Diversity;

/// <summary>The outcome of publishing rules: the new active version, or a message per invalid field.</summary>
public sealed record RulesPublication(ActiveDiversityRules? Published, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Published is not null;
}
