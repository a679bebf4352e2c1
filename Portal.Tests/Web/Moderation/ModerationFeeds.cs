using System.Net.Http.Json;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Moderation;

/// <summary>
/// Reads feeds through the HTTP API, as an app does. A brand-new user's first batch (the cold start) is the same for
/// the same language, country and device while nothing changes, so a new user's first batch shows at once whether a
/// moderation change took effect.
/// </summary>
public static class ModerationFeeds
{
    public sealed record Item(int VideoId, int CreatorId, int SoundId);

    /// <summary>The first batch of a user registered just now.</summary>
    public static async Task<IReadOnlyList<Item>> FirstBatchOfNewUserAsync(ApiAppFactory factory, HttpClient client, string language = "en", string country = "US")
    {
        var user = await factory.CreateUserAsync(client, language, country, "ios");
        return await NextBatchAsync(client, user);
    }

    public static async Task<IReadOnlyList<Item>> NextBatchAsync(HttpClient client, long userId)
    {
        var feed = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{userId}/feed");
        return feed.GetProperty("items").EnumerateArray()
            .Select(i => new Item(i.GetProperty("videoId").GetInt32(), i.GetProperty("creatorId").GetInt32(), i.GetProperty("soundId").GetInt32()))
            .ToList();
    }
}
