namespace Portal.Engine.Import;

/// <summary>Why a row of a data set was skipped. Every skipped row has one, and is counted under it.</summary>
public enum ImportProblemReason
{
    /// <summary>The row has more or fewer columns than the file's header or layout.</summary>
    WrongColumnCount,

    /// <summary>A quoted field is never closed: the rest of the file was swallowed into this row.</summary>
    UnclosedQuote,

    /// <summary>A user or item id is not a whole number in the engine's range.</summary>
    InvalidId,

    /// <summary>A rating, watch ratio, duration or flag is not a number or is out of range.</summary>
    InvalidValue,

    /// <summary>The time is missing or cannot be read.</summary>
    InvalidTime,

    /// <summary>The row refers to an item that the data set's item file does not hold.</summary>
    UnknownItem,

    /// <summary>The row repeats one already imported (the same movie, rating or view).</summary>
    Duplicate,

    /// <summary>An empty line between rows.</summary>
    BlankLine,
}
