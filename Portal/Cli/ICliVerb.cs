namespace Portal.Cli;

/// <summary>One verb of the portal's command line (<c>seed</c>, later <c>import</c>, <c>train</c>, ...).</summary>
public interface ICliVerb
{
    /// <summary>What is typed after the executable: <c>seed</c>.</summary>
    string Name { get; }

    /// <summary>One line for the list of verbs.</summary>
    string Summary { get; }

    /// <summary>The verb's usage and options, several lines.</summary>
    string Usage { get; }

    /// <summary>Runs the verb with the arguments that follow its name. Returns the process exit code.</summary>
    /// <exception cref="CliUsageException">The arguments are wrong; the dispatcher prints the message and exits with 2.</exception>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}
