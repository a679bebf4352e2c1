namespace Portal.Engine.Import;

/// <summary>Thrown when importing into a database that already holds a catalog or users without being told to replace them.</summary>
public sealed class DatabaseNotEmptyException(int videos, int users)
    : InvalidOperationException($"The database already holds {videos:N0} videos and {users:N0} users; pass --force to replace them with the imported data.")
{
    public int Videos { get; } = videos;

    public int Users { get; } = users;
}
