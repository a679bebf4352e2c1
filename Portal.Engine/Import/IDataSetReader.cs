namespace Portal.Engine.Import;

/// <summary>Reads one public data set format from a folder into the engine's shapes, without touching the database.</summary>
public interface IDataSetReader
{
    /// <summary>What <c>import --format</c> takes: <c>movielens</c>.</summary>
    string Format { get; }

    /// <summary>One line: the layouts and files it reads.</summary>
    string Description { get; }

    /// <summary>Reads the data set at <paramref name="path"/>; bad rows are skipped and counted in <see cref="ImportedData.Problems"/>.</summary>
    /// <exception cref="ImportFileException">A file is missing or is not of the expected shape.</exception>
    ImportedData Read(string path, Action<string>? log = null, CancellationToken ct = default);
}
