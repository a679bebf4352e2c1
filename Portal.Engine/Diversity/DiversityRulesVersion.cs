namespace Portal.Engine.Diversity;

/// <summary>One published version of the diversity rules. The highest version is the active one; a rollback publishes an old version's rules again.</summary>
public sealed class DiversityRulesVersion
{
    public int Version { get; set; }

    public string RulesJson { get; set; } = "{}";

    public string Author { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
