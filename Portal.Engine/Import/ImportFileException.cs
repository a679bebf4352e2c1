namespace Portal.Engine.Import;

/// <summary>
/// A file of the data set is missing or is not of the shape the format expects (wrong header, wrong delimiter,
/// wrong number of columns from the first row on). The message names the file and what was expected; nothing
/// has been written when it is thrown.
/// </summary>
public sealed class ImportFileException(string file, string message) : Exception(message)
{
    /// <summary>The file's name (or the folder's path when the file is missing).</summary>
    public string File { get; } = file;
}
