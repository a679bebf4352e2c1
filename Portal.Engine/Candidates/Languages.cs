namespace Portal.Engine.Candidates;

/// <summary>English names of language codes, for reasons people read.</summary>
public static class Languages
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["es"] = "Spanish",
        ["pt"] = "Portuguese",
        ["fr"] = "French",
        ["de"] = "German",
        ["it"] = "Italian",
        ["ja"] = "Japanese",
        ["ko"] = "Korean",
        ["id"] = "Indonesian",
        ["tr"] = "Turkish",
        ["ar"] = "Arabic",
        ["hi"] = "Hindi",
        ["ru"] = "Russian",
        ["zh"] = "Chinese",
        ["nl"] = "Dutch",
        ["pl"] = "Polish",
    };

    public static string NameOf(string? code) =>
        code is null ? "language-neutral" : Names.GetValueOrDefault(code, code);
}
