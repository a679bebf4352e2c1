namespace Portal.Engine.Import;

/// <summary>
/// One record of a delimited file: its fields, the physical line it starts on (1-based; a quoted field may span
/// several lines) and, when the record is malformed beyond splitting, why.
/// </summary>
public sealed record DelimitedRecord(int Line, string[] Fields, string? Error = null)
{
    /// <summary>True for an empty line: one empty field.</summary>
    public bool IsBlank => Error is null && Fields.Length == 1 && Fields[0].Length == 0;
}
