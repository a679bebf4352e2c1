namespace Portal.Auth;

/// <summary>One row of the permission matrix: a named policy and the roles that satisfy it.</summary>
/// <param name="Name">The policy name used in <c>[Authorize(Policy = ...)]</c>.</param>
/// <param name="Description">What the policy lets someone do, in plain words.</param>
/// <param name="Roles">Any one of these roles satisfies the policy.</param>
public sealed record PolicyDefinition(string Name, string Description, IReadOnlyList<string> Roles);
