using System.Net;
using System.Text.Json;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class FeedApiTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Get_WithoutExplain_IsSmall_EightItemsWithTheirReasonsAsText(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/3/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = await ApiJson.ReadAsync(response);
        Assert.Equal(["requestId", "batch", "coldStart", "rulesVersion", "modelVersion", "relaxed", "items"], feed.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(feed.GetProperty("requestId").GetString(), out _));
        Assert.Equal("baseline", feed.GetProperty("modelVersion").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(["videoId", "creatorId", "soundId", "caption", "hashtags", "cluster", "reasons"], item.EnumerateObject().Select(p => p.Name));
            Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray());
            Assert.All(item.GetProperty("reasons").EnumerateArray(), reason => Assert.Equal(JsonValueKind.String, reason.ValueKind));
        });
    }

    [Theory, EachProvider]
    public async Task Get_Explain_EveryItemCarriesItsExplanation(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/4/feed?explain=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = await ApiJson.ReadAsync(response);
        foreach (var name in new[] { "personalized", "device", "country", "language", "ranker", "candidateCount", "blocked" })
        {
            Assert.True(feed.TryGetProperty(name, out _), $"no {name}");
        }

        Assert.All(feed.GetProperty("items").EnumerateArray(), item =>
        {
            foreach (var name in new[] { "sources", "score", "rankBefore", "position", "features", "ruleEffects" })
            {
                Assert.True(item.TryGetProperty(name, out _), $"no {name}");
            }

            Assert.Equal(JsonValueKind.Object, item.GetProperty("reasons")[0].ValueKind);
            Assert.Equal(Portal.Engine.Ranking.RankingFeatures.Count, item.GetProperty("features").EnumerateObject().Count());
        });
    }

    [Theory, EachProvider]
    public async Task Get_DeviceAndCountryInTheQuery_BuildTheBatchForThem(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/5/feed?explain=true&device=Web&country=br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = await ApiJson.ReadAsync(response);
        Assert.Equal("web", feed.GetProperty("device").GetString());
        Assert.Equal("BR", feed.GetProperty("country").GetString());
    }

    [Theory, EachProvider]
    public async Task Get_EmptyDeviceAndCountry_MeanTheUsersOwn(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        using var user = await client.GetAsync("/api/v1/users/8");
        var profile = await ApiJson.ReadAsync(user);

        using var response = await client.GetAsync("/api/v1/users/8/feed?explain=true&device=&country=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = await ApiJson.ReadAsync(response);
        Assert.Equal(profile.GetProperty("device").GetString(), feed.GetProperty("device").GetString());
        Assert.Equal(profile.GetProperty("country").GetString(), feed.GetProperty("country").GetString());
    }

    [Theory, EachProvider]
    public async Task Get_Twice_TwoBatchesWithoutRepeats(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        var first = await ApiJson.ReadAsync(await client.GetAsync("/api/v1/users/6/feed"));
        var second = await ApiJson.ReadAsync(await client.GetAsync("/api/v1/users/6/feed"));

        Assert.Equal(first.GetProperty("batch").GetInt32() + 1, second.GetProperty("batch").GetInt32());
        var shown = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("videoId").GetInt32()).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => shown.Contains(i.GetProperty("videoId").GetInt32()));
    }

    [Theory, EachProvider]
    public async Task Get_UnknownUser_Returns404(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/987654/feed");

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("There is no user 987654. Register users with POST /api/v1/users.", ApiJson.Detail(problem));
    }

    [Theory]
    [InlineData("device=fridge", "device", "\"fridge\" is not a device type; use ios, android, web, tablet.")]
    [InlineData("country=USA", "country", "\"USA\" is not a country code; use two letters such as \"US\" or \"BR\".")]
    [InlineData("country=1A", "country", "\"1A\" is not a country code; use two letters such as \"US\" or \"BR\".")]
    [InlineData("explain=banana", "explain", "\"banana\" is not true or false.")]
    public async Task Get_InvalidQuery_Returns400NamingTheParameter(string query, string field, string message)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync($"/api/v1/users/7/feed?{query}");

        Assert.Equal(message, ApiJson.Error(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest), field));
    }
}
