using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Moderation;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Hosting;

/// <summary>Two instances of the portal on one PostgreSQL database share its users, jobs, reports and audit trail.</summary>
public sealed class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private const string TickJobId = "test-tick";

    [Fact]
    public async Task Feed_SameUserOnBothInstances_BothServeEight()
    {
        using var first = instances.First.CreateApiClient();
        using var second = instances.Second.CreateApiClient();

        using var fromFirst = await first.GetAsync("/api/v1/users/5/feed");
        using var fromSecond = await second.GetAsync("/api/v1/users/5/feed");

        Assert.Equal(8, (await ItemsAsync(fromFirst)).Count);
        Assert.Equal(8, (await ItemsAsync(fromSecond)).Count);
    }

    [Fact]
    public async Task ApiKey_MadeOnOneInstance_IsAcceptedByTheOther()
    {
        var key = await instances.First.CreateApiKeyAsync("made-on-first");
        using var second = instances.Second.CreateApiClient(key);

        using var response = await RetryAsync(() => second.GetAsync("/api/v1/users/6/feed"), r => r.StatusCode != HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StaffSignIn_OnOneInstance_IsAcceptedByTheOther()
    {
        const string Password = "Two-Instances-Passw0rd!";
        await instances.First.CreateStaffAsync("pm@two-instances.test", Password, Portal.Auth.StaffRoles.ProductManager);
        using var first = instances.First.CreateBrowserlikeClient();
        using var signIn = await StaffSignIn.PostAsync(first, "pm@two-instances.test", Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("Portal.Staff=", StringComparison.Ordinal));
        using var second = instances.Second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/users");
        request.Headers.Add("Cookie", cookie);

        using var response = await second.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The second instance answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task RecurringJob_RegisteredOnBothEverySecond_RunsOncePerTick()
    {
        var options = new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Strict };
        var monitoring = instances.First.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Equal(2, monitoring.Servers().Count);

        foreach (var instance in new[] { instances.First, instances.Second })
        {
            instance.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<TwoInstances.TickJob>(TickJobId, job => job.Run(null!), "* * * * * *", options);
        }

        // Each server's scheduler polls every 5 s and, strict about misfires, enqueues one job per second it missed.
        await Task.Delay(TimeSpan.FromSeconds(12));
        instances.First.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(TickJobId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && (monitoring.EnqueuedCount("default") > 0 || monitoring.ProcessingCount() > 0))
        {
            await Task.Delay(200);
        }

        var runs = instances.Ticks.ToList();
        Assert.True(runs.Count >= 5, $"Only {runs.Count} ticks ran in 12 s.");
        Assert.All(runs, run => Assert.NotNull(run.ScheduledTime));
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledTime).Distinct().Count());
        Assert.Equal(runs.Count, runs.Select(r => r.JobId).Distinct().Count());
    }

    [Fact]
    public async Task AuditTrail_AppendsFromBothAtOnce_OneUnbrokenChain()
    {
        var trails = new[] { instances.First, instances.Second }.Select(i => i.Services.GetRequiredService<IAuditTrail>()).ToList();

        var appended = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            trails[i % 2].AppendAsync(new AuditRecord(new AuditActor("tests"), AuditActions.RulesPublished, "rules:two-instances", null, null, $"append {i}")))));

        var ids = appended.Select(e => e.Id).Order().ToList();
        Assert.Equal(Enumerable.Range((int)ids[0], ids.Count).Select(i => (long)i), ids);
        var verification = await instances.Second.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Reports_OnOneVideoFromBothAtOnce_JoinOneCase()
    {
        var clients = new[] { instances.First.CreateApiClient(), instances.Second.CreateApiClient() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            clients[i % 2].PostAsync("/api/v1/reports", ApiJson.Body("""{"videoId":21,"reason":"spam"}""")))));

        var cases = new HashSet<int>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            cases.Add((await ApiJson.ReadAsync(response)).GetProperty("caseId").GetInt32());
            response.Dispose();
        }

        var only = Assert.Single(cases);
        var detail = await instances.First.Services.GetRequiredService<ModerationQueue>().GetAsync(only);
        Assert.Equal(10, detail!.Case.ReportCount);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task PendingBan_ApprovedOnBothAtOnce_IsAppliedOnce()
    {
        var requester = TestStaff.Caller("ban-asker@two-instances.test", Portal.Auth.StaffRoles.Moderator);
        var requested = await instances.First.Services.GetRequiredService<ModerationDesk>()
            .TakeAsync(requester, new ModerationRequest(ModerationActionKind.BanCreator, 7, ModerationReasons.Spam, "Spam accounts"));
        Assert.True(requested.Pending, requested.Error);
        var approvers = new[] { "approver-one@two-instances.test", "approver-two@two-instances.test" }.Select(e => TestStaff.Caller(e, Portal.Auth.StaffRoles.Moderator)).ToList();

        var results = await Task.WhenAll(new[] { instances.First, instances.Second }.Select((instance, i) => Task.Run(() =>
            instance.Services.GetRequiredService<ModerationDesk>().ApproveAsync(approvers[i], requested.Action!.Id, "agreed"))));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("approved", refused.Error, StringComparison.OrdinalIgnoreCase);
        var log = instances.First.Services.GetRequiredService<AuditLog>();
        var approvals = await log.SearchAsync(new AuditFilter(null, AuditActions.ModerationApproved, "creator:7"), 0, AuditLog.MaxPageSize);
        Assert.Single(approvals.Items);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiJson.ReadAsync(response)).GetProperty("items").EnumerateArray().ToList();
    }

    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (done(response) || attempt == 20)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }
}
