namespace Portal.Cli;

/// <summary>The command line is wrong. The message is one line that says what is valid; the exit code is 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
