namespace Portal.Cli;

/// <summary><c>help [verb]</c>: lists the verbs, or shows one verb's usage.</summary>
public sealed class HelpVerb(CliConsole console, IReadOnlyList<ICliVerb> verbs) : ICliVerb
{
    public string Name => "help";

    public string Summary => "Show the commands, or the options of one command.";

    public string Usage => "help [command]";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            WriteOverview();
            return Task.FromResult(CliExitCodes.Success);
        }

        var verb = verbs.FirstOrDefault(v => v.Name == args[0])
            ?? throw new CliUsageException($"Unknown command '{args[0]}'. Valid commands: {string.Join(", ", verbs.Select(v => v.Name))}.");
        console.Out.WriteLine($"{verb.Name}: {verb.Summary}");
        console.Out.WriteLine();
        console.Out.WriteLine("Usage:");
        foreach (var line in verb.Usage.Split('\n'))
        {
            console.Out.WriteLine("  " + line.TrimEnd('\r'));
        }

        return Task.FromResult(CliExitCodes.Success);
    }

    public void WriteOverview()
    {
        console.Out.WriteLine("Portal: the staff portal of the For You engine, and its command line.");
        console.Out.WriteLine();
        console.Out.WriteLine("Usage:");
        console.Out.WriteLine("  Portal                     start the web portal");
        console.Out.WriteLine("  Portal <command> [options] run a command instead");
        console.Out.WriteLine();
        console.Out.WriteLine("Commands:");
        var width = verbs.Max(v => v.Name.Length) + 2;
        foreach (var verb in verbs)
        {
            console.Out.WriteLine($"  {verb.Name.PadRight(width)}{verb.Summary}");
        }

        console.Out.WriteLine();
        console.Out.WriteLine("Run 'help <command>' for a command's options.");
    }
}
