using Portal.Engine.Catalog;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Components.Pages.ServedFeeds;

/// <summary>
/// A logged batch as a <see cref="FeedBatch"/>, so the served-feed pages show it with the same cards as a preview:
/// the log keeps ids, positions, reasons, features and rule effects; captions, handles and sounds come from the catalog.
/// </summary>
public static class ServedBatchView
{
    public static FeedBatch ToFeedBatch(ServedBatchDetail detail, IReadOnlyDictionary<int, VideoDetails> videos)
    {
        var summary = detail.Summary;
        var context = detail.Context;
        var items = detail.Items
            .OrderBy(i => i.Position)
            .Select(i =>
            {
                var video = videos.GetValueOrDefault(i.VideoId);
                var features = RankingFeatures.Names.Select(name => i.Features.TryGetValue(name, out var value) ? value : 0f).ToList();
                return new FeedItem(
                    i.Position,
                    i.VideoId,
                    i.CreatorId,
                    video?.CreatorHandle ?? $"creator {i.CreatorId}",
                    i.SoundId,
                    video?.SoundTitle ?? $"sound {i.SoundId}",
                    video?.Caption ?? $"Video {i.VideoId} (no longer in the catalog)",
                    video?.Hashtags ?? [],
                    i.Cluster,
                    i.ClusterName,
                    video?.Language,
                    i.Score,
                    i.RankBefore,
                    i.Exploration,
                    i.Reasons,
                    features,
                    i.RuleEffects);
            })
            .ToList();
        return new FeedBatch(
            summary.RequestId,
            summary.UserId,
            summary.BatchNumber,
            summary.At,
            summary.Mode,
            summary.ColdStart,
            context.Personalized,
            context.Device,
            context.Country,
            context.Language,
            items,
            context.Shortfall,
            detail.Relaxed,
            context.Blocked,
            summary.RulesVersion,
            summary.ModelVersion,
            context.Ranker,
            context.CandidateCount,
            detail.EventWatermark,
            detail.UserEventWatermark,
            summary.RequestedBy);
    }

    public static string Mode(FeedMode mode) => mode switch
    {
        FeedMode.Serve => "Served to the app",
        FeedMode.Preview => "Staff preview",
        FeedMode.Sandbox => "Sandbox",
        FeedMode.Replay => "Replay",
        _ => mode.ToString(),
    };
}
