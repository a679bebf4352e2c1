namespace Portal.Cli;

/// <summary>
/// Parses a verb's <c>--name value</c> options and <c>--flag</c> switches (also <c>--name=value</c>).
/// Anything it does not know is a <see cref="CliUsageException"/> naming what is valid.
/// </summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliOptions()
    {
    }

    /// <param name="verb">The verb, for messages.</param>
    /// <param name="valueOptions">Options that take a value, without the dashes: <c>preset</c>.</param>
    /// <param name="flagOptions">Options that are on when present: <c>force</c>.</param>
    public static CliOptions Parse(string verb, IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var options = new CliOptions();
        var valid = string.Join(", ", valueOptions.Concat(flagOptions).Select(o => "--" + o));
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CliUsageException($"Unexpected argument '{arg}' for '{verb}'. Valid options: {valid}.");
            }

            var name = arg[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            if (flagOptions.Contains(name))
            {
                if (inline is not null)
                {
                    throw new CliUsageException($"Option --{name} of '{verb}' takes no value. Valid options: {valid}.");
                }

                options._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline;
                if (value is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new CliUsageException($"Option --{name} of '{verb}' needs a value.");
                    }

                    value = args[++i];
                }

                if (value.Length == 0)
                {
                    throw new CliUsageException($"Option --{name} of '{verb}' needs a value.");
                }

                options._values[name] = value;
            }
            else
            {
                throw new CliUsageException($"Unknown option '--{name}' for '{verb}'. Valid options: {valid}.");
            }
        }

        return options;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The option's value as an integer, or <paramref name="fallback"/> when absent.</summary>
    public int Int(string verb, string name, int fallback)
    {
        var value = Value(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CliUsageException($"Option --{name} of '{verb}' must be a whole number, not '{value}'.");
    }
}
