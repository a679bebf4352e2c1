using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Moderation;
using Portal.Storage;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class ReportsApiTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Create_ValidReport_Returns201WithItsCase_AndASecondReportJoinsTheCase(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var first = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 11, reason = "spam", text = "Fake giveaway", userId = 3 });
        using var second = await client.PostAsync("/api/v1/reports", ApiJson.Body("""{"videoId":11,"reason":"Harassment"}"""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var opened = await ApiJson.ReadAsync(first);
        Assert.True(opened.GetProperty("newCase").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var joined = await ApiJson.ReadAsync(second);
        Assert.False(joined.GetProperty("newCase").GetBoolean());
        var caseId = opened.GetProperty("caseId").GetInt32();
        Assert.Equal(caseId, joined.GetProperty("caseId").GetInt32());

        var detail = await factory.Services.GetRequiredService<ModerationQueue>().GetAsync(caseId);
        Assert.Equal(2, detail!.Case.ReportCount);
        Assert.Equal(CaseStatus.Open, detail.Case.Status);
        Assert.Equal([ReportReasons.Spam, ReportReasons.Harassment], detail.Reports.Select(r => r.Reason));
        Assert.Equal("Fake giveaway", detail.Reports[0].Text);
        Assert.Equal(3, detail.Reports[0].UserId);
        Assert.Equal("api key \"api-tests\"", detail.Reports[0].ReportedBy);
    }

    [Theory, EachProvider]
    public async Task Create_InvalidFields_Returns400PerFieldAndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await CountReportsAsync(factory);

        using var response = await client.PostAsJsonAsync("/api/v1/reports", new { reason = "boring", text = new string('x', 1_001), userId = -2 });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The videoId is required: the id of the reported video.", ApiJson.Error(problem, "videoId"));
        Assert.Equal("\"boring\" is not a reason; use one of spam, nudity, violence, hate, harassment, misinformation, self-harm, copyright, other.", ApiJson.Error(problem, "reason"));
        Assert.Equal("Keep the text to 1,000 characters or fewer; it has 1,001.", ApiJson.Error(problem, "text"));
        Assert.Equal("The userId must be a positive whole number.", ApiJson.Error(problem, "userId"));
        Assert.Equal(before, await CountReportsAsync(factory));
    }

    [Theory, EachProvider]
    public async Task Create_MissingReasonOrNegativeVideo_SaysWhatIsExpected(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = -5 });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The videoId must be a positive whole number.", ApiJson.Error(problem, "videoId"));
        Assert.StartsWith("The reason is required: one of spam,", ApiJson.Error(problem, "reason"), StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task Create_WrongTypes_Returns400KeyedByField(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/api/v1/reports", ApiJson.Body("""{"videoId":"eleven","reason":"spam"}"""));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("This value must be a whole number.", ApiJson.Error(problem, "videoId"));
    }

    [Theory, EachProvider]
    public async Task Create_UnknownVideoOrUser_Returns404(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await CountReportsAsync(factory);

        using var video = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 900_000, reason = "spam" });
        using var user = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 12, reason = "spam", userId = 900_000 });

        var videoProblem = await ApiJson.ProblemAsync(video, HttpStatusCode.NotFound);
        Assert.Equal("There is no video 900000.", ApiJson.Error(videoProblem, "videoId"));
        var userProblem = await ApiJson.ProblemAsync(user, HttpStatusCode.NotFound);
        Assert.Equal("There is no user 900000.", ApiJson.Error(userProblem, "userId"));
        Assert.Equal(before, await CountReportsAsync(factory));
    }

    [Theory, EachProvider]
    public async Task Create_WithoutKey_Returns401(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient(key: "");

        using var response = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 11, reason = "spam" });

        await ApiJson.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory, EachProvider]
    public async Task Create_AfterTheCaseWasClosed_OpensANewCase(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        using var first = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 13, reason = "nudity" });
        var caseId = (await ApiJson.ReadAsync(first)).GetProperty("caseId").GetInt32();
        var closed = await factory.Services.GetRequiredService<ModerationQueue>().SetStatusAsync(TestStaff.As(Portal.Auth.StaffRoles.Moderator), caseId, CaseStatus.Closed, "Swimwear, allowed");
        Assert.True(closed.Succeeded, closed.Error);

        using var next = await client.PostAsJsonAsync("/api/v1/reports", new { videoId = 13, reason = "nudity" });

        var body = await ApiJson.ReadAsync(next);
        Assert.True(body.GetProperty("newCase").GetBoolean());
        Assert.NotEqual(caseId, body.GetProperty("caseId").GetInt32());
    }

    private static async Task<int> CountReportsAsync(ApiAppFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ModerationReports.CountAsync();
    }
}
