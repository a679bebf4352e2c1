namespace Portal.Auth;

/// <summary>What it takes to create a staff account.</summary>
public sealed class NewStaffAccount
{
    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public HashSet<string> Roles { get; set; } = [];
}
