using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Components.Pages.ServedFeeds;

namespace Portal.Tests.Web.Components.Pages.ServedFeeds;

public sealed class ServedFeedPagesTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Fact]
    public async Task LoggedBatch_AsAFeedBatch_KeepsPositionsReasonsFeaturesAndVersions()
    {
        var feed = factory.Services.GetRequiredService<FeedService>();
        var served = await feed.NextBatchAsync(new FeedRequest(15));
        await factory.Services.GetRequiredService<ServedLog>().FlushAsync();
        var detail = await factory.Services.GetRequiredService<ServedLogQueries>().GetAsync(served!.RequestId);
        var videos = await factory.Services.GetRequiredService<CatalogLookup>().GetVideosAsync(served.Items.Select(i => i.VideoId).ToList());

        var shown = ServedBatchView.ToFeedBatch(detail!, videos);

        Assert.Equal(served.Items.Select(i => (i.Position, i.VideoId, i.Caption, i.CreatorHandle, i.SoundTitle)), shown.Items.Select(i => (i.Position, i.VideoId, i.Caption, i.CreatorHandle, i.SoundTitle)));
        Assert.Equal(served.Items.Select(i => i.Reasons.Select(r => r.Code)), shown.Items.Select(i => i.Reasons.Select(r => r.Code)));
        Assert.Equal(served.Items[0].Features, shown.Items[0].Features);
        Assert.Equal((served.RulesVersion, served.ModelVersion, served.Ranker, served.ColdStart), (shown.RulesVersion, shown.ModelVersion, shown.Ranker, shown.ColdStart));
    }

    [Fact]
    public async Task DetailPage_Moderator_ShowsTheLoggedCardsAndTheReplayButton()
    {
        var served = await factory.Services.GetRequiredService<FeedService>().NextBatchAsync(new FeedRequest(16));
        await factory.Services.GetRequiredService<ServedLog>().FlushAsync();
        await factory.CreateStaffAsync("served-mod@portal.test", "Served-Moderat0r!", StaffRoles.Moderator);
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, "served-mod@portal.test", "Served-Moderat0r!");

        using var response = await client.GetAsync($"/served-feeds/{served!.RequestId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"logged-batch\"", html, StringComparison.Ordinal);
        Assert.Equal(served.Items.Count, CountOf(html, "data-testid=\"video-card\""));
        Assert.Contains("data-testid=\"replay\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-video-id=\"{served.Items[0].VideoId}\"", html, StringComparison.Ordinal);

        using var unknown = await client.GetAsync($"/served-feeds/{Guid.NewGuid()}");
        Assert.Contains("data-testid=\"served-not-found\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AServedBatch_ReproducesItemForItem()
    {
        var feed = factory.Services.GetRequiredService<FeedService>();
        await feed.NextBatchAsync(new FeedRequest(17));
        var served = await feed.NextBatchAsync(new FeedRequest(17));
        await factory.Services.GetRequiredService<ServedLog>().FlushAsync();

        var replay = await factory.Services.GetRequiredService<FeedReplayer>().ReplayAsync(served!.RequestId);

        Assert.NotNull(replay);
        Assert.True(replay.Reproduced, string.Join(", ", replay.Differences) + replay.Problem);
        Assert.Empty(replay.Differences);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
