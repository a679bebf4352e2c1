namespace Portal.Cli;

/// <summary>The verbs the executable knows, in the order help lists them. A new verb is one class and one line here.</summary>
public static class CliVerbRegistry
{
    public static IReadOnlyList<ICliVerb> Create(CliConsole console)
    {
        var verbs = new List<ICliVerb>
        {
            new SeedVerb(console),
            new ImportVerb(console),
            new TrainVerb(console),
            new EvaluateVerb(console),
            new SimulateVerb(console),
            new BenchVerb(console),
            new LoadVerb(console),
            new ApiKeyVerb(console),
        };
        verbs.Add(new HelpVerb(console, verbs));
        return verbs;
    }
}
