namespace Portal.Engine.Storage;

/// <summary>Thrown when the database stayed locked by others for longer than the write queue is willing to wait: nothing was written; try again.</summary>
public sealed class StorageBusyException(Exception inner)
    : InvalidOperationException("The database is busy; nothing was written. Try again in a moment.", inner);
