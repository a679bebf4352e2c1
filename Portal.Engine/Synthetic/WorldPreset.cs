namespace Portal.Engine.Synthetic;

/// <summary>The size of a generated world.</summary>
/// <param name="Name">The name used on the command line and in configuration.</param>
/// <param name="Days">How many days of history the events span, ending at the world's anchor.</param>
public sealed record WorldPreset(string Name, int Videos, int Creators, int Sounds, int Users, int Events, int Days, string Purpose);
