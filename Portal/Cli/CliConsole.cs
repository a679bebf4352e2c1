namespace Portal.Cli;

/// <summary>Where verbs write: normal output and errors. The process's console, or writers a test captures.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);
}
