using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Users;

namespace Portal.Tests.Web.Users;

public sealed class PersonalizationSettingsTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Fact]
    public async Task Set_ByAModerator_TurnsItOffForTheNextBatch_AndIsRecorded()
    {
        var moderator = TestStaff.Caller("toggle-mod@portal.test", StaffRoles.Moderator);
        var settings = factory.Services.GetRequiredService<PersonalizationSettings>();

        var change = await settings.SetAsync(moderator, 25, false);
        var again = await settings.SetAsync(moderator, 25, false);

        Assert.True(change.Succeeded);
        Assert.Equal(true, change.Before);
        Assert.True(again.Succeeded);
        Assert.True(factory.Services.GetRequiredService<UserDirectory>().TryGet(25, out var profile));
        Assert.False(profile.Personalized);
        var batch = await factory.Services.GetRequiredService<FeedService>().NextBatchAsync(new FeedRequest(25, Mode: FeedMode.Preview));
        Assert.False(batch!.Personalized);
        var rows = (await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(moderator.Name, AuditActions.PersonalizationChanged, "user:25"), 0, 5)).Items;
        Assert.Equal("{\"personalized\":false}", Assert.Single(rows).After);
    }

    [Fact]
    public async Task UserPage_ShowsTheSwitchOnlyToThoseWhoMayChangeIt()
    {
        await factory.CreateStaffAsync("toggle-page-mod@portal.test", "Toggle-Moderat0r!", StaffRoles.Moderator);
        await factory.CreateStaffAsync("toggle-page-pm@portal.test", "Toggle-Manag3r!!", StaffRoles.ProductManager);
        using var moderator = factory.CreateBrowserlikeClient();
        using var manager = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(moderator, "toggle-page-mod@portal.test", "Toggle-Moderat0r!");
        await StaffSignIn.SignInAsync(manager, "toggle-page-pm@portal.test", "Toggle-Manag3r!!");

        var forModerator = await moderator.GetStringAsync("/users/26");
        var forManager = await manager.GetStringAsync("/users/26");

        Assert.Contains("data-testid=\"personalization-switch\"", forModerator, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"personalization-switch\"", forManager, StringComparison.Ordinal);
        Assert.Contains("how-recommendations-work", forManager, StringComparison.Ordinal);
    }
}
