using System.Globalization;
using System.Text;

namespace Portal.Engine.Import;

/// <summary>
/// Reading one file of a data set: its shape checked once from the header (or first row), then its rows streamed,
/// each malformed one counted in the problem log with the file's name and the row's line.
/// </summary>
internal sealed class DelimitedFile : IDisposable
{
    private readonly DelimitedReader _reader;
    private readonly ImportProblemLog _problems;
    private DelimitedRecord? _pending;

    private DelimitedFile(string path, char delimiter, bool quoted, Encoding? encoding, ImportProblemLog problems)
    {
        Name = Path.GetFileName(path);
        _reader = DelimitedReader.Open(path, delimiter, quoted, encoding);
        _problems = problems;
        Delimiter = delimiter;
    }

    public string Name { get; }

    public char Delimiter { get; }

    /// <summary>Rows read, not counting the header: the good, the skipped, and blank lines.</summary>
    public long RowCount { get; private set; }

    public static DelimitedFile Open(string path, char delimiter, bool quoted, ImportProblemLog problems, Encoding? encoding = null)
    {
        if (!File.Exists(path))
        {
            throw new ImportFileException(Path.GetFileName(path), $"{Path.GetFileName(path)} is missing from {Path.GetDirectoryName(Path.GetFullPath(path))}.");
        }

        return new DelimitedFile(path, delimiter, quoted, encoding, problems);
    }

    /// <summary>Reads the header and checks it is exactly <paramref name="columns"/> (case and surrounding spaces aside).</summary>
    public void ExpectHeader(params string[] columns)
    {
        var expected = string.Join(Delimiter, columns);
        if (!_reader.TryRead(out var header))
        {
            throw new ImportFileException(Name, $"{Name} is empty; expected the header '{expected}' on line 1.");
        }

        var found = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        if (found.Length != columns.Length || !found.Zip(columns).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ImportFileException(Name, $"{Name}: expected the header '{expected}' on line {header.Line}, found '{Excerpt(header)}'{Hint(header)}.");
        }
    }

    /// <summary>Reads the header: the index of each column by name (<paramref name="required"/> must all be there) and the number of columns.</summary>
    public (Dictionary<string, int> Columns, int Count) ReadHeader(string[] required, string description)
    {
        if (!_reader.TryRead(out var header))
        {
            throw new ImportFileException(Name, $"{Name} is empty; expected a header with {description} on line 1.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            columns.TryAdd(header.Fields[i].Trim().TrimStart('\uFEFF'), i);
        }

        var missing = required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new ImportFileException(Name, $"{Name}: expected a header with {description} on line {header.Line}; {string.Join(", ", missing)} missing in '{Excerpt(header)}'{Hint(header)}.");
        }

        return (columns, header.Fields.Length);
    }

    /// <summary>
    /// Checks the first row (not a header) has <paramref name="columns"/> fields, or throws naming <paramref name="description"/>;
    /// a first row whose every field is not a number is taken for a header and skipped (some copies of u.data carry one).
    /// </summary>
    public void ExpectFirstRow(int columns, string description)
    {
        while (_reader.TryRead(out var first))
        {
            if (first.IsBlank)
            {
                RowCount++;
                _problems.Add(Name, first.Line, ImportProblemReason.BlankLine, "empty line");
                continue;
            }

            if (first.Fields.Length != columns || first.Error is not null)
            {
                throw new ImportFileException(Name, $"{Name}: expected {columns} columns separated by '{Show(Delimiter)}' ({description}) on line {first.Line}, found {first.Fields.Length} in '{Excerpt(first)}'{Hint(first)}.");
            }

            if (first.Fields.All(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                return;
            }

            _pending = first;
            return;
        }

        throw new ImportFileException(Name, $"{Name} is empty; expected rows of {columns} columns separated by '{Show(Delimiter)}' ({description}).");
    }

    /// <summary>
    /// The rows with exactly <paramref name="columns"/> fields; blank lines, unclosed quotes and rows of another width
    /// are counted as problems and skipped.
    /// </summary>
    public IEnumerable<DelimitedRecord> Rows(int columns, CancellationToken ct)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            RowCount++;
            yield return pending;
        }

        while (_reader.TryRead(out var row))
        {
            RowCount++;
            if ((RowCount & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (row.Error is not null)
            {
                Problem(row, ImportProblemReason.UnclosedQuote, row.Error);
            }
            else if (row.IsBlank)
            {
                Problem(row, ImportProblemReason.BlankLine, "empty line");
            }
            else if (row.Fields.Length != columns)
            {
                Problem(row, ImportProblemReason.WrongColumnCount, $"expected {columns} columns, found {row.Fields.Length} in '{Excerpt(row)}'");
            }
            else
            {
                yield return row;
            }
        }
    }

    public void Problem(DelimitedRecord row, ImportProblemReason reason, string detail) => _problems.Add(Name, row.Line, reason, detail);

    public void Dispose() => _reader.Dispose();

    internal static string Excerpt(DelimitedRecord row, char delimiter)
    {
        var text = string.Join(delimiter, row.Fields).ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private string Excerpt(DelimitedRecord row) => Excerpt(row, Delimiter);

    /// <summary>A hint at the delimiter the line seems to use when it is not the expected one.</summary>
    private string Hint(DelimitedRecord row)
    {
        var line = string.Join(Delimiter, row.Fields);
        foreach (var (candidate, name) in new[] { ('\t', "tabs"), (',', "commas"), ('|', "'|'"), (';', "semicolons") })
        {
            if (candidate != Delimiter && line.Contains(candidate, StringComparison.Ordinal) && row.Fields.Length <= 1)
            {
                return $" (the line is separated by {name}, not by '{Show(Delimiter)}': is this the right file?)";
            }
        }

        return "";
    }

    private static string Show(char delimiter) => delimiter == '\t' ? "\\t" : delimiter.ToString();
}
