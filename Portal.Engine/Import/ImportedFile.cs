namespace Portal.Engine.Import;

/// <summary>A file an import read, with how many rows (records, not counting a header) it held.</summary>
public sealed record ImportedFile(string Name, long Rows);
