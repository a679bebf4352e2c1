using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Tests.Web.Api;

/// <summary>The feed loop through the API only: register, first feed, events, a next feed that reflects them.</summary>
public sealed class FeedLoopApiTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task FeedLoop_NewUserLikesThreeVideosOfOneTopic_NextBatchFollowsThatTopic()
    {
        using var client = factory.CreateApiClient();
        var userId = await factory.CreateUserAsync(client, "en", "US", "ios");

        using var first = await client.GetAsync($"/api/v1/users/{userId}/feed");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cold = await ApiJson.ReadAsync(first);
        Assert.True(cold.GetProperty("coldStart").GetBoolean());
        Assert.Equal(1, cold.GetProperty("batch").GetInt32());
        var coldItems = cold.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, coldItems.Count);
        Assert.All(coldItems, item => Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal(8, coldItems.Select(i => i.GetProperty("cluster").GetString()).Distinct().Count());

        var shown = coldItems.Select(i => i.GetProperty("videoId").GetInt32()).ToHashSet();
        var (topic, liked) = PickTopic(
            factory.Services.GetRequiredService<ServingState>().Current.Catalog,
            shown,
            coldItems.Select(i => i.GetProperty("creatorId").GetInt32()).ToHashSet(),
            coldItems.Select(i => i.GetProperty("soundId").GetInt32()).ToHashSet());
        var events = liked.SelectMany(id => new object[]
        {
            new { userId, videoId = id, kind = "impression" },
            new { userId, videoId = id, kind = "watch", watchFraction = 1.0 },
            new { userId, videoId = id, kind = "like" },
        }).ToList();

        using var posted = await client.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(9, (await ApiJson.ReadAsync(posted)).GetProperty("accepted").GetInt32());

        using var second = await client.GetAsync($"/api/v1/users/{userId}/feed?explain=true");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var next = await ApiJson.ReadAsync(second);
        var nextItems = next.GetProperty("items").EnumerateArray().ToList();
        Assert.False(next.GetProperty("coldStart").GetBoolean());
        Assert.Equal(2, next.GetProperty("batch").GetInt32());
        Assert.Equal(8, nextItems.Count);
        Assert.DoesNotContain(nextItems, i => shown.Contains(i.GetProperty("videoId").GetInt32()));

        int OnTopic(IEnumerable<JsonElement> items) => items.Count(i => i.GetProperty("hashtags")[0].GetString() == topic);
        Assert.True(OnTopic(nextItems) > OnTopic(coldItems), $"#{topic} before: {OnTopic(coldItems)}, after: {OnTopic(nextItems)}");
        Assert.Contains(nextItems, i => i.GetProperty("sources").EnumerateArray().Any(s => s.GetString() is "similarContent" or "creators" or "coEngagement"));

        // The explanation: structured reasons, scores, ranks, every feature by name, the rules' effects.
        Assert.All(nextItems, item =>
        {
            var reason = item.GetProperty("reasons")[0];
            Assert.False(string.IsNullOrEmpty(reason.GetProperty("source").GetString()));
            Assert.False(string.IsNullOrEmpty(reason.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(reason.GetProperty("text").GetString()));
            Assert.Equal(RankingFeatures.Names, item.GetProperty("features").EnumerateObject().Select(f => f.Name));
            Assert.InRange(item.GetProperty("score").GetSingle(), 0f, 1f);
            Assert.True(item.GetProperty("rankBefore").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.Array, item.GetProperty("ruleEffects").ValueKind);
        });
        Assert.Equal(Enumerable.Range(1, 8), nextItems.Select(i => i.GetProperty("position").GetInt32()));
        Assert.True(nextItems.Any(i => i.GetProperty("ruleEffects").GetArrayLength() > 0) || next.GetProperty("blocked").GetArrayLength() > 0,
            "The diversity rules left no trace in a batch after three likes of one topic.");
        Assert.Contains(nextItems, i => i.GetProperty("features").GetProperty("clusterAffinity").GetSingle() > 0);
    }

    /// <summary>
    /// Three videos by three creators whose dominant hashtag is one topic, and that topic. The next batch keeps the
    /// creators and sounds just seen (the first batch's and the liked videos') on cooldown, and the tiny world has
    /// only a few of each per topic; so the topic chosen is the one with the most creators and sounds left to offer.
    /// </summary>
    private static (string Topic, List<int> Liked) PickTopic(CatalogSnapshot catalog, HashSet<int> shown, HashSet<int> seenCreators, HashSet<int> seenSounds)
    {
        var best = (Topic: "", Liked: new List<int>(), Room: -1);
        var candidates = Enumerable.Range(0, catalog.Count)
            .Where(v => catalog.DominantHashtagOf(v) >= 0
                && catalog.LanguageCodeOf(v) is null or "en"
                && catalog.Moderation[v] == ModerationStatus.Visible
                && !shown.Contains(catalog.VideoIds[v]));
        foreach (var topic in candidates.GroupBy(catalog.DominantHashtagOf))
        {
            var liked = topic.DistinctBy(v => catalog.CreatorOf[v]).Take(3).ToList();
            if (liked.Count < 3)
            {
                continue;
            }

            var creators = liked.Select(v => catalog.CreatorIds[catalog.CreatorOf[v]]).Concat(seenCreators).ToHashSet();
            var sounds = liked.Select(v => catalog.SoundIds[catalog.SoundOf[v]]).Concat(seenSounds).ToHashSet();
            var left = topic
                .Where(v => !liked.Contains(v) && !creators.Contains(catalog.CreatorIds[catalog.CreatorOf[v]]) && !sounds.Contains(catalog.SoundIds[catalog.SoundOf[v]]))
                .ToList();
            var room = Math.Min(left.Select(v => catalog.CreatorOf[v]).Distinct().Count(), left.Select(v => catalog.SoundOf[v]).Distinct().Count());
            if (room > best.Room)
            {
                best = (catalog.HashtagTags[topic.Key], [.. liked.Select(v => catalog.VideoIds[v])], room);
            }
        }

        Assert.True(best.Room >= 1, "The tiny world has no topic with videos left to offer after three likes.");
        return (best.Topic, best.Liked);
    }
}
