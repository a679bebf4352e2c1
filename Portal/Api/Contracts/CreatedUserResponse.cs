namespace Portal.Api.Contracts;

/// <summary>The id of the user just registered.</summary>
public sealed record CreatedUserResponse(long Id);
