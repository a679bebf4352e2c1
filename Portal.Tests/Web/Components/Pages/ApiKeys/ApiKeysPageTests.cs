using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Auth.ApiKeys;
using Portal.Storage;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Components.Pages.ApiKeys;

public sealed class ApiKeysPageTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task Get_Admin_ShowsTheKeysAndTheMenuEntry()
    {
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        using var response = await client.GetAsync("/api-keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"api-keys-grid\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"new-api-key\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"api-keys\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Moderator_IsDeniedAndHasNoMenuEntry()
    {
        const string email = "moderator-keys@portal.test";
        const string password = "Moderat0r-Passw0rd";
        await factory.CreateStaffAsync(email, password, StaffRoles.Moderator);
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, email, password);

        using var response = await client.GetAsync("/api-keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var overview = await client.GetAsync("/");
        Assert.DoesNotContain("href=\"api-keys\"", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateThenRevoke_TheKeyIsShownOnceWorksThenStopsWorking()
    {
        var directory = factory.Services.GetRequiredService<ApiKeyDirectory>();

        var creation = await directory.CreateAsync("  ios-app  ", PortalAppFactory.AdminEmail);

        Assert.True(creation.Succeeded);
        var secret = creation.Secret!;
        Assert.Matches("^pk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal("ios-app", creation.Key!.Name);
        Assert.Equal(secret[..10], creation.Key.Prefix);
        Assert.Equal(PortalAppFactory.AdminEmail, creation.Key.CreatedBy);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == creation.Key.Id);
            Assert.Equal(ApiKeySecrets.Hash(secret), stored.Hash);
            Assert.DoesNotContain(secret, $"{stored.Name} {stored.Prefix} {stored.Hash}", StringComparison.Ordinal);
        }

        using var client = factory.CreateApiClient(secret);
        using (var works = await client.GetAsync("/api/v1/users/1"))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        var noReason = await directory.RevokeAsync(creation.Key.Id, "  ", PortalAppFactory.AdminEmail);
        Assert.False(noReason.Succeeded);
        Assert.Equal("Say why the key is revoked, e.g. \"leaked in a log\" or \"app retired\".", noReason.Errors["reason"]);

        var revocation = await directory.RevokeAsync(creation.Key.Id, "app retired", PortalAppFactory.AdminEmail);

        Assert.True(revocation.Succeeded);
        using (var refused = await client.GetAsync("/api/v1/users/1"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var listed = (await directory.GetPageAsync(0, 100)).Items.Single(k => k.Id == creation.Key.Id);
        Assert.True(listed.IsRevoked);
        Assert.Equal("Revoked", listed.Status);
        Assert.Equal("app retired", listed.RevocationReason);
        Assert.Equal(PortalAppFactory.AdminEmail, listed.RevokedBy);
        Assert.Contains("already revoked", (await directory.RevokeAsync(creation.Key.Id, "again", PortalAppFactory.AdminEmail)).Errors["id"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter a name that says who or what uses the key, e.g. ios-app.")]
    [InlineData("api-tests", "There is already an active key named \"api-tests\". Choose another name, or revoke that key first.")]
    public async Task Create_MissingOrTakenName_SaysWhatIsWrong(string name, string message)
    {
        var creation = await factory.Services.GetRequiredService<ApiKeyDirectory>().CreateAsync(name, PortalAppFactory.AdminEmail);

        Assert.False(creation.Succeeded);
        Assert.Null(creation.Secret);
        Assert.Equal(message, creation.Errors["name"]);
    }

    [Fact]
    public async Task Revoke_UnknownId_SaysSo()
    {
        var revocation = await factory.Services.GetRequiredService<ApiKeyDirectory>().RevokeAsync(99_999, "gone", PortalAppFactory.AdminEmail);

        Assert.Equal("There is no API key with id 99999.", revocation.Errors["id"]);
    }
}
