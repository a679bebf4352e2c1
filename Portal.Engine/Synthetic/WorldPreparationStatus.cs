namespace Portal.Engine.Synthetic;

public enum WorldPreparationStatus
{
    /// <summary>Looking at the database to see whether a world is needed.</summary>
    Checking,

    /// <summary>Generating and loading the first-run world.</summary>
    Preparing,

    /// <summary>The database holds a catalog; nothing to do.</summary>
    Ready,

    /// <summary>Preparation failed; <see cref="WorldPreparation.Error"/> says why.</summary>
    Failed,
}
