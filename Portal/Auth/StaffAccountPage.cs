namespace Portal.Auth;

/// <summary>One page of staff accounts and how many there are in all.</summary>
public sealed record StaffAccountPage(IReadOnlyList<StaffAccount> Items, int Total);
