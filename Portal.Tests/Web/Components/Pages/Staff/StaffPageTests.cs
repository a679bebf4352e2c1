using System.Net;
using Portal.Auth;

namespace Portal.Tests.Web.Components.Pages.Staff;

public sealed class StaffPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Get_Moderator_IsForbidden()
    {
        const string email = "moderator@portal.test";
        const string password = "Moderat0r-Passw0rd";
        await factory.CreateStaffAsync(email, password, StaffRoles.Moderator);
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, email, password);

        using var staff = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", staff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await client.GetStringAsync(staff.Headers.Location);
        Assert.Contains("You don't have access to that page", denied, StringComparison.Ordinal);

        using var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.DoesNotContain("href=\"staff\"", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Admin_ListsTheAccountsAndTheMatrix()
    {
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        using var staff = await client.GetAsync("/staff");
        var html = await staff.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("data-testid=\"staff-grid\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"permission-matrix\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WeakPasswordAndBadEmail_ExplainsEachField()
    {
        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StaffDirectory>(factory.Services);

        var result = await directory.CreateAsync(new NewStaffAccount { Email = "not-an-email", DisplayName = "", Password = "short", Roles = [] });

        Assert.False(result.Succeeded);
        Assert.Contains("Enter an email address such as name@example.com.", result.For(nameof(NewStaffAccount.Email)));
        Assert.Contains("Enter the name to show for this person.", result.For(nameof(NewStaffAccount.DisplayName)));
        Assert.Contains("Use at least 12 characters.", result.For(nameof(NewStaffAccount.Password)));
        Assert.Contains("Choose at least one role.", result.For(nameof(NewStaffAccount.Roles)));
    }

    [Fact]
    public async Task Unlock_LockedOutAccount_CanSignInAgain()
    {
        const string email = "unlock@portal.test";
        const string password = "Unlock-Passw0rd!";
        await factory.CreateStaffAsync(email, password, StaffRoles.ProductManager);
        using var client = factory.CreateBrowserlikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var _ = await StaffSignIn.PostAsync(client, email, "wrong");
        }

        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StaffDirectory>(factory.Services);
        var locked = (await directory.GetPageAsync(0, 100)).Items.Single(a => a.Email == email);
        Assert.True(locked.IsLockedOut);

        var result = await directory.UnlockAsync(locked.Id);

        Assert.True(result.Succeeded);
        Assert.False((await directory.GetPageAsync(0, 100)).Items.Single(a => a.Email == email).IsLockedOut);
        await StaffSignIn.SignInAsync(client, email, password);
    }

    [Fact]
    public async Task SetRoles_LastAdministrator_KeepsTheAdminRole()
    {
        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StaffDirectory>(factory.Services);
        var page = await directory.GetPageAsync(0, 100);
        var admin = page.Items.Single(a => a.Email == PortalAppFactory.AdminEmail);

        var result = await directory.SetRolesAsync(admin.Id, [StaffRoles.Auditor]);

        Assert.False(result.Succeeded);
        Assert.Contains("only administrator", string.Join(" ", result.Errors), StringComparison.Ordinal);
    }
}
