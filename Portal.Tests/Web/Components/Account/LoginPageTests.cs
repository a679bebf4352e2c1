using System.Net;
using Portal.Auth;

namespace Portal.Tests.Web.Components.Account;

public sealed class LoginPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task GetRoot_Anonymous_RedirectsToSignIn()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLogin_Anonymous_ShowsTheForm()
    {
        using var client = factory.CreateBrowserlikeClient();

        var html = await client.GetStringAsync(StaffSignIn.LoginPath);

        Assert.Contains("Sign in", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Email\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Admin_RedirectsToTheOverview()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await StaffSignIn.PostAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
        using var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_StaysOnThisSite()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await StaffSignIn.PostAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword, "https://example.com/steal");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsAPlainMessageWithoutDetail()
    {
        const string email = "wrong-password@portal.test";
        await factory.CreateStaffAsync(email, "Right-Passw0rd-123", StaffRoles.Auditor);
        using var client = factory.CreateBrowserlikeClient();

        using var wrongPassword = await StaffSignIn.PostAsync(client, email, "not-the-password");
        using var unknownEmail = await StaffSignIn.PostAsync(client, "nobody@portal.test", "not-the-password");

        foreach (var response in new[] { wrongPassword, unknownEmail })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("The email or password is not right.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("no account", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountAndSaysWhenToTryAgain()
    {
        const string email = "lockout@portal.test";
        const string password = "Right-Passw0rd-456";
        await factory.CreateStaffAsync(email, password, StaffRoles.Moderator);
        using var client = factory.CreateBrowserlikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await StaffSignIn.PostAsync(client, email, "wrong-" + attempt);
            Assert.Contains("The email or password is not right.", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await StaffSignIn.PostAsync(client, email, "wrong-5");
        var fifthHtml = await fifth.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fifth.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", fifthHtml, StringComparison.Ordinal);
        Assert.Contains("Try again in 15 minutes", fifthHtml, StringComparison.Ordinal);

        using var rightPassword = await StaffSignIn.PostAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("locked after too many failed sign-ins", await rightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_SignedIn_EndsTheSession()
    {
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);
        var page = await client.GetStringAsync(StaffSignIn.LoginPath);
        var token = StaffSignIn.HiddenInputs(page)["__RequestVerificationToken"];

        using var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
