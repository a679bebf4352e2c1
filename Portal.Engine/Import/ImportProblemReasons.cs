namespace Portal.Engine.Import;

/// <summary>The words a report uses for each <see cref="ImportProblemReason"/>.</summary>
public static class ImportProblemReasons
{
    public static string Describe(ImportProblemReason reason) => reason switch
    {
        ImportProblemReason.WrongColumnCount => "wrong column count",
        ImportProblemReason.UnclosedQuote => "unclosed quote",
        ImportProblemReason.InvalidId => "non-numeric or out-of-range id",
        ImportProblemReason.InvalidValue => "value not a number or out of range",
        ImportProblemReason.InvalidTime => "unparseable time",
        ImportProblemReason.UnknownItem => "unknown item",
        ImportProblemReason.Duplicate => "duplicate",
        ImportProblemReason.BlankLine => "blank line",
        _ => reason.ToString(),
    };
}
