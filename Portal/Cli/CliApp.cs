namespace Portal.Cli;

/// <summary>
/// The command line of the portal's executable: <c>Portal seed --preset tiny</c>. A hand-written dispatcher:
/// the first argument names the verb (<see cref="CliVerbRegistry"/>), the rest are the verb's options.
/// </summary>
public static class CliApp
{
    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "/?"];

    /// <summary>True when the arguments ask for a command rather than the web portal: a first argument that is not an option, or a help switch.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && (!args[0].StartsWith('-') || HelpSwitches.Contains(args[0]));

    /// <summary>Runs from <c>Main</c>: the process console, Ctrl+C cancels.</summary>
    public static async Task<int> RunFromConsoleAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await RunAsync(args, CliConsole.System, cancellation.Token);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken ct = default)
    {
        var verbs = CliVerbRegistry.Create(console);
        var help = verbs.OfType<HelpVerb>().Single();
        if (args.Count == 0 || HelpSwitches.Contains(args[0]))
        {
            help.WriteOverview();
            return CliExitCodes.Success;
        }

        var verb = verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null)
        {
            console.Error.WriteLine($"Unknown command '{args[0]}'. Valid commands: {string.Join(", ", verbs.Select(v => v.Name))}.");
            return CliExitCodes.Usage;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Any(HelpSwitches.Contains))
        {
            return await help.RunAsync([verb.Name], ct);
        }

        try
        {
            return await verb.RunAsync(rest, ct);
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine(ex.Message);
            return CliExitCodes.Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            console.Error.WriteLine("Stopped.");
            return CliExitCodes.Cancelled;
        }
    }
}
