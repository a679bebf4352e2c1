namespace Portal.Auth;

/// <summary>Claims the portal adds to a signed-in member of staff, besides Identity's own.</summary>
public static class StaffClaimTypes
{
    public const string DisplayName = "portal:display_name";
}
