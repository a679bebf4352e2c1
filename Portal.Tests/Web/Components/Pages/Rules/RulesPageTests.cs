using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Components.Pages.Rules;
using Portal.Engine.Diversity;
using Portal.Tests.Web.Components.Pages.Users;

namespace Portal.Tests.Web.Components.Pages.Rules;

public sealed class RulesPageTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Auditor)]
    public async Task Get_RoleWithoutEditRules_ReadsTheRulesWithoutEditControls(string role)
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, role);

        using var response = await client.GetAsync("/rules");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"active-rules\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rules-history\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rules-read-only\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"publish-rules\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rules-editor\"", html, StringComparison.Ordinal);
        Assert.Contains("At most 1 video per creator in a batch", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.ProductManager)]
    [InlineData(StaffRoles.Admin)]
    public async Task Get_RoleWithEditRules_ShowsTheEditor(string role)
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, role);

        var html = await client.GetStringAsync("/rules");

        Assert.Contains("data-testid=\"rules-editor\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"publish-rules\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rules-read-only\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Moderator_IsRefusedOnTheServerAndNothingChanges()
    {
        var moderator = await PrincipalAsync(StaffRoles.Moderator);
        var store = factory.Services.GetRequiredService<DiversityRulesStore>();
        var before = store.Active;
        await using var scope = factory.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<RulesPublisher>();

        var published = await publisher.PublishAsync(moderator, before.Rules with { MaxPerCluster = 1 }, "Trying without the role");
        var rolledBack = await publisher.RollbackAsync(moderator, before.Version, "Trying without the role");

        Assert.False(published.Succeeded);
        Assert.Equal([RulesPublisher.PermissionMessage], published.Errors[RulesPublisher.PermissionKey]);
        Assert.False(rolledBack.Succeeded);
        Assert.Equal(before.Version, store.Active.Version);
        Assert.Equal(before.Version, (await store.HistoryAsync())[0].Version);
    }

    [Fact]
    public async Task Publish_ProductManager_CreatesTheNextVersionWithTheirEmail()
    {
        var manager = await PrincipalAsync(StaffRoles.ProductManager);
        var store = factory.Services.GetRequiredService<DiversityRulesStore>();
        var before = store.Active;
        await using var scope = factory.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<RulesPublisher>();

        var invalid = await publisher.PublishAsync(manager, before.Rules with { MaxPerCreator = 0 }, "Out of range");
        var published = await publisher.PublishAsync(manager, before.Rules with { SoundCooldown = before.Rules.SoundCooldown + 1 }, "Fewer repeated sounds");
        var rolledBack = await publisher.RollbackAsync(manager, before.Version, "Back to how it was");

        Assert.False(invalid.Succeeded);
        Assert.Contains("maxPerCreator", invalid.Errors.Keys);
        Assert.True(published.Succeeded);
        Assert.Equal(before.Version + 1, published.Published!.Version);
        Assert.Equal(manager.Identity!.Name, published.Published.Author);
        Assert.True(rolledBack.Succeeded);
        Assert.Equal(before.Rules, store.Active.Rules);
        Assert.Equal(before.Version + 2, store.Active.Version);
    }

    /// <summary>The principal the portal builds for a new account with this role, as at sign-in.</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@portal.test";
        await factory.CreateStaffAsync(email, "Staff-Passw0rd-42!", role);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user!);
    }
}
