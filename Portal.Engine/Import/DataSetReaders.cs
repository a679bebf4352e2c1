using System.Diagnostics.CodeAnalysis;

namespace Portal.Engine.Import;

/// <summary>The data set formats the engine imports.</summary>
public static class DataSetReaders
{
    public static IReadOnlyList<IDataSetReader> All { get; } = [new MovieLensReader(), new KuaiRecReader()];

    public static IEnumerable<string> Formats => All.Select(r => r.Format);

    public static bool TryGet(string format, [NotNullWhen(true)] out IDataSetReader? reader)
    {
        reader = All.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));
        return reader is not null;
    }
}
