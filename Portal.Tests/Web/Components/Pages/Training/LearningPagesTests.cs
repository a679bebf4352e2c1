using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Components.Pages.Training;
using Portal.Engine.Training;
using Portal.Jobs;
using Portal.Tests.Web.Components.Pages.Users;

namespace Portal.Tests.Web.Components.Pages.Training;

/// <summary>The Training, Clusters and Evaluation pages per role, the jobs dashboard, and the server-side checks behind their buttons.</summary>
public sealed class LearningPagesTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Auditor)]
    public async Task Get_RoleWithoutManageTraining_ReadsThePagesWithoutTheirControls(string role)
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, role);

        var training = await GetOkAsync(client, "/training");
        var clusters = await GetOkAsync(client, "/clusters");
        var evaluation = await GetOkAsync(client, "/evaluation");

        Assert.Contains("data-testid=\"training-progress\"", training, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"schedules\"", training, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"training-read-only\"", training, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"run-now\"", training, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"schedule-edit\"", training, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"jobs-dashboard\"", training, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cluster-card\"", clusters, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"cluster-rename\"", clusters, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"simulation-read-only\"", evaluation, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"simulation-run\"", evaluation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffRoles.ProductManager)]
    [InlineData(StaffRoles.Admin)]
    public async Task Get_RoleWithManageTraining_ShowsTheControls(string role)
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, role);

        var training = await GetOkAsync(client, "/training");
        var evaluation = await GetOkAsync(client, "/evaluation");

        Assert.Contains("data-testid=\"run-now\"", training, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"schedule-edit\"", training, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"training-read-only\"", training, StringComparison.Ordinal);
        Assert.Equal(role == StaffRoles.Admin, training.Contains("data-testid=\"jobs-dashboard\"", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"simulation-run\"", evaluation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhileAnotherInstanceTrains_SaysSoAndRunNowWaits()
    {
        var leases = factory.Services.GetRequiredService<Portal.Engine.Storage.LeaseStore>();
        Assert.True(await leases.TryAcquireAsync(TrainingPipeline.LeaseName, "other-host/42/instance", TimeSpan.FromMinutes(5)));
        try
        {
            using var client = await UsersPageTests.SignedInClientAsync(factory, StaffRoles.ProductManager);

            var training = await GetOkAsync(client, "/training");

            Assert.Contains("data-testid=\"training-elsewhere\"", training, StringComparison.Ordinal);
            Assert.Contains("other-host/42/instance", training, StringComparison.Ordinal);
            Assert.Matches("<button[^>]*disabled[^>]*data-testid=\"run-now\"|<button[^>]*data-testid=\"run-now\"[^>]*disabled", training);
        }
        finally
        {
            await leases.ReleaseAsync(TrainingPipeline.LeaseName, "other-host/42/instance");
        }

        using var after = await UsersPageTests.SignedInClientAsync(factory, StaffRoles.ProductManager);
        Assert.DoesNotContain("data-testid=\"training-elsewhere\"", await GetOkAsync(after, "/training"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Baseline_ClustersSayTheyAreHashtagGroupsAndPointToTraining()
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, StaffRoles.Auditor);

        var clusters = await GetOkAsync(client, "/clusters");
        var first = await GetOkAsync(client, "/clusters/0");

        Assert.Contains("data-testid=\"clusters-baseline\"", clusters, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"user-clusters-empty\"", clusters, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cluster-map\"", clusters, StringComparison.Ordinal);
        Assert.Contains("href=\"training\"", clusters, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cluster-title\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Anonymous_PagesSendToSignIn_TheDashboardAnswers401()
    {
        using var client = factory.CreateBrowserlikeClient();

        foreach (var path in new[] { "/training", "/clusters", "/evaluation" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/enqueued", "/hangfire/stats" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode} to someone not signed in.");
        }
    }

    [Theory]
    [InlineData(StaffRoles.Moderator, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.ProductManager, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Admin, HttpStatusCode.OK)]
    public async Task Dashboard_OnlyAdminsGetIn(string role, HttpStatusCode expected)
    {
        using var client = await UsersPageTests.SignedInClientAsync(factory, role);

        using var response = await client.GetAsync("/hangfire");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("The jobs dashboard is for Admins", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        if (expected == HttpStatusCode.OK)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Portal · background jobs", html, StringComparison.Ordinal);
            using var recurring = await client.GetAsync("/hangfire/recurring");
            Assert.Contains(TrainingScheduler.RetrainJobId, await recurring.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Actions_RoleWithoutManageTraining_AreRefusedOnTheServerAndNothingChanges()
    {
        var moderator = await PrincipalAsync(StaffRoles.Moderator);
        var history = factory.Services.GetRequiredService<TrainingHistory>();
        var schedules = factory.Services.GetRequiredService<TrainingScheduleStore>();
        var runsBefore = (await history.PageAsync(0, 1)).Total;
        var schedulesBefore = await schedules.ListAsync();
        var activeBefore = await factory.Services.GetRequiredService<ModelRegistry>().ActiveAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<TrainingActions>();

        var results = new[]
        {
            await actions.RunNowAsync(moderator, TrainingScheduler.RetrainJobId),
            await actions.RunNowAsync(moderator, TrainingScheduler.PopularityRefreshJobId),
            await actions.PromoteAsync(moderator, 1, "Trying without the role"),
            await actions.RollbackAsync(moderator, "Trying without the role"),
            await actions.RenameClusterAsync(moderator, 1, 0, "hijacked"),
            (await actions.SimulateAsync(moderator, 5, 1, null, CancellationToken.None)).Result,
        };
        var schedule = await actions.SaveScheduleAsync(moderator, TrainingScheduler.RetrainJobId, "* * * * *", true);

        Assert.All(results, r => Assert.Equal(TrainingActionResult.Refused(TrainingActions.PermissionMessage), r));
        Assert.Equal(TrainingActions.PermissionMessage, schedule.Error);
        await Task.Delay(500);
        Assert.Equal(runsBefore, (await history.PageAsync(0, 1)).Total);
        Assert.Equal(schedulesBefore.Select(s => (s.JobId, s.Cron, s.Enabled)), (await schedules.ListAsync()).Select(s => (s.JobId, s.Cron, s.Enabled)));
        Assert.Equal(activeBefore?.Id, (await factory.Services.GetRequiredService<ModelRegistry>().ActiveAsync())?.Id);
    }

    [Fact]
    public async Task Actions_ProductManager_ChangesAScheduleWithTheirEmail()
    {
        var manager = await PrincipalAsync(StaffRoles.ProductManager);
        await using var scope = factory.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<TrainingActions>();
        var store = factory.Services.GetRequiredService<TrainingScheduleStore>();
        var original = (await store.GetAsync(TrainingScheduler.PopularityRefreshJobId))!;
        try
        {
            var bad = await actions.SaveScheduleAsync(manager, TrainingScheduler.PopularityRefreshJobId, "*/61 * * * *", true);
            var good = await actions.SaveScheduleAsync(manager, TrainingScheduler.PopularityRefreshJobId, "*/10 * * * *", true);

            Assert.False(bad.Succeeded);
            Assert.Contains("is not a valid schedule", bad.Error, StringComparison.Ordinal);
            Assert.True(good.Succeeded, good.Error);
            Assert.Equal(manager.Identity!.Name, (await store.GetAsync(TrainingScheduler.PopularityRefreshJobId))!.UpdatedBy);
        }
        finally
        {
            await store.SaveAsync(original.JobId, original.Cron, original.Enabled, original.UpdatedBy);
            await factory.Services.GetRequiredService<TrainingScheduler>().RegisterAllAsync();
        }
    }

    private static async Task<string> GetOkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}.");
        return html;
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
