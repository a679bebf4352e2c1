namespace Portal.Users;

/// <summary>The outcome of switching a user's personalisation: the setting before and after, or why nothing changed.</summary>
public sealed record PersonalizationChange(bool Succeeded, bool NotFound, bool? Before, bool After, string? Error);
