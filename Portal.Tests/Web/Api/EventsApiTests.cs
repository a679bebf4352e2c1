using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class EventsApiTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Post_ValidEvents_Returns202AndStoresEveryOne(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();
        var at = DateTime.UtcNow.AddMinutes(-2);

        using var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            events = new object[]
            {
                new { userId = 2, videoId = 10, kind = "impression", at },
                new { userId = 2, videoId = 10, kind = "watch", watchFraction = 0.75, at, device = "web" },
                new { userId = 2, videoId = 10, kind = "not_interested" },
            },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await ApiJson.ReadAsync(response)).GetProperty("accepted").GetInt32());
        Assert.Equal(before + 3, await factory.CountEventsAsync());
    }

    [Theory, EachProvider]
    public async Task Post_InvalidRows_Returns400KeyedPerRowAndFieldAndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body("""
            {"events": [
              {"userId": 1, "videoId": 10, "kind": "like"},
              {"userId": 1, "videoId": 10, "kind": "superlike"},
              {"userId": 1, "videoId": 10, "kind": "watch", "watchFraction": 1.5},
              {"userId": 1, "videoId": 10, "kind": "watch", "watchFraction": -0.1},
              {"userId": 1, "videoId": 10, "kind": "watch", "watchFraction": 1e999},
              {"userId": 1, "videoId": 10, "kind": "like", "at": "2999-01-01T00:00:00Z"},
              {"videoId": 10},
              {"userId": 1, "videoId": 10, "kind": "like", "device": "fridge"}
            ]}
            """));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Nothing was stored: correct the events listed in errors and send the whole request again.", ApiJson.Detail(problem));
        Assert.StartsWith("\"superlike\" is not a kind of event; use one of impression, watch, like", ApiJson.Error(problem, "events[1].kind"), StringComparison.Ordinal);
        Assert.Equal("The watch fraction must be between 0 and 1; 1.5 is not.", ApiJson.Error(problem, "events[2].watchFraction"));
        Assert.Equal("The watch fraction must be between 0 and 1; -0.1 is not.", ApiJson.Error(problem, "events[3].watchFraction"));
        Assert.Equal("The watch fraction must be between 0 and 1; Infinity is not.", ApiJson.Error(problem, "events[4].watchFraction"));
        Assert.Equal("The time 2999-01-01 00:00:00Z is in the future.", ApiJson.Error(problem, "events[5].at"));
        Assert.Equal("The user id is required.", ApiJson.Error(problem, "events[6].userId"));
        Assert.StartsWith("The kind is required", ApiJson.Error(problem, "events[6].kind"), StringComparison.Ordinal);
        Assert.StartsWith("\"fridge\" is not a device type", ApiJson.Error(problem, "events[7].device"), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiJson.ErrorKeys(problem), key => key.StartsWith("events[0]", StringComparison.Ordinal));
        Assert.Equal(before, await factory.CountEventsAsync());
    }

    [Theory, EachProvider]
    public async Task Post_OnlyUnknownUsersAndVideos_Returns404WithTheSameKeyedErrorsAndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            events = new object[]
            {
                new { userId = 1, videoId = 10, kind = "like" },
                new { userId = 987_654, videoId = 10, kind = "like" },
                new { userId = 1, videoId = 9_999_999, kind = "watch", watchFraction = 0.5 },
            },
        });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("There is no user 987654.", ApiJson.Error(problem, "events[1].userId"));
        Assert.Equal("There is no video 9999999.", ApiJson.Error(problem, "events[2].videoId"));
        Assert.Equal(before, await factory.CountEventsAsync());
    }

    [Theory, EachProvider]
    public async Task Post_UnknownVideoAndAnInvalidKind_Returns400(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            events = new object[] { new { userId = 1, videoId = 9_999_999, kind = "like" }, new { userId = 1, videoId = 10, kind = "boo" } },
        });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("events[0].videoId", ApiJson.ErrorKeys(problem));
        Assert.Contains("events[1].kind", ApiJson.ErrorKeys(problem));
    }

    [Theory, EachProvider]
    public async Task Post_MoreThan1000Events_Returns400AndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/events", new { events = Enumerable.Repeat(new { userId = 1, videoId = 10, kind = "impression" }, 1001) });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("At most 1,000 events per request; this one has 1,001. Split it into several requests.", ApiJson.Error(problem, "events"));
        Assert.Equal(before, await factory.CountEventsAsync());
    }

    [Theory]
    [InlineData("""{"events": []}""")]
    [InlineData("""{"events": null}""")]
    [InlineData("""{}""")]
    public async Task Post_NoEvents_Returns400(string body)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body(body));

        Assert.Equal("Send at least one event.", ApiJson.Error(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest), "events"));
    }

    [Theory]
    [InlineData("""{"events": [{"userId": 1, "videoId": 10, "kind": "watch", "watchFraction": "NaN"}]}""", "events[0].watchFraction", "This value must be a number.")]
    [InlineData("""{"events": [{"userId": 1, "videoId": 10, "kind": "watch", "watchFraction": "Infinity"}]}""", "events[0].watchFraction", "This value must be a number.")]
    [InlineData("""{"events": [{"userId": "1", "videoId": 10, "kind": "like"}]}""", "events[0].userId", "This value must be a whole number.")]
    [InlineData("""{"events": [{"userId": 1, "videoId": 10, "kind": 2}]}""", "events[0].kind", "This value must be a string.")]
    [InlineData("""{"events": [{"userId": 1, "videoId": 10, "kind": "like", "at": "yesterday"}]}""", "events[0].at", "This value must be a date and time in ISO 8601, such as 2026-06-01T12:00:00Z.")]
    [InlineData("""{"events": {"userId": 1}}""", "events", "This value must be a list.")]
    public async Task Post_ValueOfTheWrongType_Returns400KeyedLikeTheRequestAndStoresNothing(string body, string field, string message)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body(body));

        Assert.Equal(message, ApiJson.Error(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest), field));
        Assert.Equal(before, await factory.CountEventsAsync());
    }

    [Theory, EachProvider]
    public async Task Post_MalformedJson_Returns400(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body("""{"events": [{"userId": 1,]}"""));

        Assert.StartsWith("The request body is not valid JSON", ApiJson.Detail(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task Post_BodyOver512KB_Returns413AndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();
        var row = """{"userId": 1, "videoId": 10, "kind": "impression", "device": "ios"},""";
        var body = new StringBuilder("""{"events": [""").Insert(12, row, 600 * 1024 / row.Length).Append("""{"userId": 1, "videoId": 10, "kind": "like"}]}""").ToString();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body(body));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large: this route accepts at most 512 KB.", ApiJson.Detail(problem));
        Assert.Equal(before, await factory.CountEventsAsync());
    }

    [Theory, EachProvider]
    public async Task Post_NotJson_Returns415(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body("userId=1&videoId=10&kind=like", "application/x-www-form-urlencoded"));

        await ApiJson.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory, EachProvider]
    public async Task Post_RetryWithTheSameIdempotencyKey_IsAnsweredAgainAndStoresNothingTwice(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();
        var at = DateTime.UtcNow.AddMinutes(-1);
        var body = new { events = new object[] { new { userId = 3, videoId = 12, kind = "impression", at }, new { userId = 3, videoId = 12, kind = "like", at } } };

        async Task<HttpResponseMessage> SendAsync(object content, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var key = "retry-" + Guid.NewGuid().ToString("N");
        using var first = await SendAsync(body, key);
        using var retry = await SendAsync(body, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, (await ApiJson.ReadAsync(retry)).GetProperty("accepted").GetInt32());
        Assert.Equal(before + 2, await factory.CountEventsAsync());

        using var other = await SendAsync(new { events = new object[] { new { userId = 3, videoId = 13, kind = "like", at } } }, key);
        var problem = await ApiJson.ProblemAsync(other, HttpStatusCode.Conflict);
        Assert.Contains("already used for a different batch", ApiJson.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(before + 2, await factory.CountEventsAsync());
    }
}
