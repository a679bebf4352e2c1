namespace Portal.Engine.Catalog;

/// <summary>The outcome of registering a user: the new profile, field errors, or a conflict with an existing id.</summary>
public sealed record UserCreation(UserProfile? User, IReadOnlyDictionary<string, string[]> Errors, bool Conflict)
{
    public bool Succeeded => User is not null;
}
