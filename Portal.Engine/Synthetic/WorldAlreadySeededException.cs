namespace Portal.Engine.Synthetic;

/// <summary>Thrown when seeding a database that already holds a catalog without being told to replace it.</summary>
public sealed class WorldAlreadySeededException(int videos, int users)
    : InvalidOperationException($"The database already holds {videos:N0} videos and {users:N0} users; pass --force to replace them.")
{
    public int Videos { get; } = videos;

    public int Users { get; } = users;
}
