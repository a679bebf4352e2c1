using System.Net;
using Portal.Auth;

namespace Portal.Tests.Web.Components.Pages.Users;

public sealed class UsersPageTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.ProductManager)]
    [InlineData(StaffRoles.Auditor)]
    public async Task Get_EveryStaffRole_ListsUsersAndOpensAUser(string role)
    {
        using var client = await SignedInClientAsync(factory, role);

        using var list = await client.GetAsync("/users");
        using var user = await client.GetAsync("/users/3");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listHtml = await list.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"users-grid\"", listHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"users\"", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        var userHtml = await user.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"user-profile\"", userHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-insight\"", userHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-timeline\"", userHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownUser_SaysThereIsNoSuchUser()
    {
        using var client = await SignedInClientAsync(factory, StaffRoles.Auditor, "unknown-auditor@portal.test");

        var html = await client.GetStringAsync("/users/987654");

        Assert.Contains("data-testid=\"user-not-found\"", html, StringComparison.Ordinal);
    }

    internal static async Task<HttpClient> SignedInClientAsync(PortalAppFactory factory, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@portal.test";
        const string password = "Staff-Passw0rd-42!";
        await factory.CreateStaffAsync(email, password, role);
        var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, email, password);
        return client;
    }
}
