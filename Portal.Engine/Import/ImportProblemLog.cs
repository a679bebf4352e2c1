namespace Portal.Engine.Import;

/// <summary>
/// Counts every skipped row by reason and keeps the first <see cref="MaxKept"/> of them with their file and line,
/// so that nothing is dropped silently and a report stays short however bad the file.
/// </summary>
public sealed class ImportProblemLog
{
    public const int MaxKept = 100;

    private readonly List<ImportProblem> _first = [];
    private readonly Dictionary<ImportProblemReason, long> _totals = [];

    /// <summary>The first problems, in the order they were found (file by file, line by line).</summary>
    public IReadOnlyList<ImportProblem> First => _first;

    /// <summary>How many rows were skipped for each reason; reasons that never happened are absent.</summary>
    public IReadOnlyDictionary<ImportProblemReason, long> Totals => _totals;

    public long Total { get; private set; }

    public void Add(string file, int line, ImportProblemReason reason, string detail)
    {
        Total++;
        _totals[reason] = _totals.GetValueOrDefault(reason) + 1;
        if (_first.Count < MaxKept)
        {
            _first.Add(new ImportProblem(file, line, reason, detail));
        }
    }
}
