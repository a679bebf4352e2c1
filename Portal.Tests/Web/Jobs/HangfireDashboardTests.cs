using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Engine.Storage;
using Portal.Jobs;
using Portal.Tests.Web.Components.Pages.Users;

namespace Portal.Tests.Web.Jobs;

/// <summary>The jobs dashboard on each provider: in-memory job storage on SQLite, the shared PostgreSQL database otherwise.</summary>
public sealed class HangfireDashboardTests(PortalAppFactories apps) : IClassFixture<PortalAppFactories>
{
    [Theory, EachProvider]
    public async Task Storage_FollowsTheEngine(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);

        var storage = factory.Services.GetRequiredService<JobStorage>();

        Assert.Equal(provider == DatabaseProvider.PostgreSql, storage is PostgreSqlStorage);
    }

    [Theory, EachProvider]
    public async Task Get_Anonymous_Is401(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, EachProvider]
    public async Task Get_Moderator_Returns403SayingWhy(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = await UsersPageTests.SignedInClientAsync(factory, StaffRoles.Moderator);

        using var response = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The jobs dashboard is for Admins", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task Get_Admin_SeesTheDashboardAndTheRecurringJobs(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = await UsersPageTests.SignedInClientAsync(factory, StaffRoles.Admin);

        using var response = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath);
        using var recurring = await client.GetAsync(JobsServiceCollectionExtensions.DashboardPath + "/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Portal · background jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var jobs = await recurring.Content.ReadAsStringAsync();
        Assert.Contains(TrainingScheduler.RetrainJobId, jobs, StringComparison.Ordinal);
        Assert.Contains(TrainingScheduler.PopularityRefreshJobId, jobs, StringComparison.Ordinal);
    }
}
