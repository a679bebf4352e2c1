namespace Portal.Auth;

/// <summary>A staff account as the Staff page lists it.</summary>
/// <param name="LockedOutUntil">When a lock-out after failed sign-ins ends; null when the account is not locked.</param>
public sealed record StaffAccount(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTime? LockedOutUntil,
    int FailedAttempts,
    DateTime CreatedAt)
{
    public bool IsLockedOut => LockedOutUntil is not null;
}
