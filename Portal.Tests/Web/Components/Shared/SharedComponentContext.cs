using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Components.Shared;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Tests.Web.Components.Shared;

/// <summary>
/// A bUnit context with MudBlazor's services, loose JS interop and the thumbnails of two themes. Disposed
/// asynchronously even when xunit disposes it synchronously: MudBlazor's popover service is only async-disposable.
/// </summary>
public abstract class SharedComponentContext : BunitContext, IDisposable
{
    protected SharedComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new VideoThumbnails(["cats", "dogs"]));
    }

    void IDisposable.Dispose()
    {
        DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    protected static FeedItem Item(
        string[]? hashtags = null,
        IReadOnlyList<FeedReason>? reasons = null,
        IReadOnlyList<string>? ruleEffects = null,
        int position = 2,
        int rankBefore = 5,
        bool exploration = false) => new(
        Position: position,
        VideoId: 101,
        CreatorId: 7,
        CreatorHandle: "mia.cats.7",
        SoundId: 3,
        SoundTitle: "Purr Loop",
        Caption: "a cat meets a cucumber",
        Hashtags: hashtags ?? ["cats", "kitten", "fyp"],
        Cluster: 4,
        ClusterName: "#cats",
        Language: "en",
        Score: 0.42f,
        RankBefore: rankBefore,
        Exploration: exploration,
        Reasons: reasons ?? [new FeedReason("similarContent", "similar-content", "Similar to what you liked in #cats")],
        Features: Enumerable.Range(0, RankingFeatures.Count).Select(i => i == RankingFeatures.Popularity ? 0.8f : i == RankingFeatures.ClusterAffinity ? -0.25f : 0f).ToArray(),
        RuleEffects: ruleEffects ?? []);
}
