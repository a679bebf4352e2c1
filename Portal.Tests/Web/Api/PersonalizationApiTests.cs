using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class PersonalizationApiTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Put_False_NextFeedIsPopularityAndRulesOnly_AndSaysSo(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var user = await factory.CreateUserAsync(client, "en", "US", "android");
        await WarmUpAsync(client, user);

        using var off = await client.PutAsJsonAsync($"/api/v1/users/{user}/personalization", new { personalized = false });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var body = await ApiJson.ReadAsync(off);
        Assert.False(body.GetProperty("personalized").GetBoolean());
        Assert.False((await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{user}")).GetProperty("personalized").GetBoolean());

        var feed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{user}/feed?explain=true");
        Assert.False(feed.GetProperty("coldStart").GetBoolean());
        Assert.False(feed.GetProperty("personalized").GetBoolean());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            var reasons = item.GetProperty("reasons").EnumerateArray().ToList();
            Assert.Equal("nonPersonalized", reasons[0].GetProperty("source").GetString());
            Assert.Equal("Personalisation is off: only popularity in your region and the diversity rules choose", reasons[0].GetProperty("text").GetString());
            Assert.All(item.GetProperty("sources").EnumerateArray(), source => Assert.Contains(source.GetString(), new[] { "nonPersonalized", "popular", "trending" }));
        });

        var audit = await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(Action: AuditActions.PersonalizationChanged, Target: $"user:{user}"), 0, 5);
        var row = Assert.Single(audit.Items);
        Assert.Equal("api key \"api-tests\"", row.Actor);
        Assert.Equal("{\"personalized\":true}", row.Before);
        Assert.Equal("{\"personalized\":false}", row.After);

        using var on = await client.PutAsJsonAsync($"/api/v1/users/{user}/personalization", new { personalized = true });
        Assert.True((await ApiJson.ReadAsync(on)).GetProperty("personalized").GetBoolean());
        var personal = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{user}/feed?explain=true");
        Assert.True(personal.GetProperty("personalized").GetBoolean());
        Assert.DoesNotContain(personal.GetProperty("items").EnumerateArray(), i => i.GetProperty("reasons")[0].GetProperty("source").GetString() == "nonPersonalized");
    }

    [Theory, EachProvider]
    public async Task Put_MissingOrWrongValue_Returns400(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var missing = await client.PutAsync("/api/v1/users/1/personalization", ApiJson.Body("{}"));
        using var wrong = await client.PutAsync("/api/v1/users/1/personalization", ApiJson.Body("""{"personalized":"no"}"""));

        Assert.Equal("The personalized field is required: true or false.", ApiJson.Error(await ApiJson.ProblemAsync(missing, HttpStatusCode.BadRequest), "personalized"));
        Assert.Equal("This value must be true or false.", ApiJson.Error(await ApiJson.ProblemAsync(wrong, HttpStatusCode.BadRequest), "personalized"));
    }

    [Theory, EachProvider]
    public async Task Put_UnknownUser_Returns404(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PutAsJsonAsync("/api/v1/users/888888/personalization", new { personalized = false });

        Assert.Equal("There is no user 888888. Register users with POST /api/v1/users.", ApiJson.Detail(await ApiJson.ProblemAsync(response, HttpStatusCode.NotFound)));
    }

    /// <summary>Enough likes that the next batch is past the cold start.</summary>
    private static async Task WarmUpAsync(HttpClient client, long user)
    {
        var batch = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{user}/feed");
        var events = batch.GetProperty("items").EnumerateArray()
            .Select(i => new { userId = user, videoId = i.GetProperty("videoId").GetInt32(), kind = "like" })
            .ToList();
        using var response = await client.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
