namespace Portal.Engine.Training;

/// <summary>
/// The database copy of one file of a model version's folder, so that an instance that did not train the version (on
/// another machine) can fetch it, and a damaged local copy can heal. Written and read by <see cref="ModelArtifactShare"/>
/// as a stream, file by file, never through the change tracker.
/// </summary>
public sealed class ModelArtifactFile
{
    public int ModelVersionId { get; set; }

    /// <summary>The file's name relative to the version's folder, with '/' between folders.</summary>
    public string Name { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public long Length { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, upper-case hex as in the manifest.</summary>
    public string Sha256 { get; set; } = "";
}
