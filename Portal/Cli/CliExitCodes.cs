namespace Portal.Cli;

/// <summary>The exit codes of the command line.</summary>
public static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and refused or failed (e.g. the database already holds a world).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
