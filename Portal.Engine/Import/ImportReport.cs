namespace Portal.Engine.Import;

/// <summary>
/// What an import did: the format and layout found, the files read, how many rows, what landed in the database,
/// and every skipped row counted by reason with the first ones located by file and line.
/// </summary>
public sealed record ImportReport(
    string Format,
    string Layout,
    IReadOnlyList<ImportedFile> Files,
    int Videos,
    int Hashtags,
    int Users,
    long Events,
    IReadOnlyDictionary<ImportProblemReason, long> Skipped,
    IReadOnlyList<ImportProblem> Problems,
    TimeSpan ReadTime,
    TimeSpan LoadTime)
{
    public long RowsRead => Files.Sum(f => f.Rows);

    public long SkippedRows => Skipped.Values.Sum();

    public TimeSpan Elapsed => ReadTime + LoadTime;
}
