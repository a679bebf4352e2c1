namespace Portal.Engine.Feed;

/// <summary>Thrown by feed requests while the engine is still loading its first snapshot.</summary>
public sealed class EngineNotReadyException() : InvalidOperationException("The recommendation engine is still starting; try again in a few seconds.");
