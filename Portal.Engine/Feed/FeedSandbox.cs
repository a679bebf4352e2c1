using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Storage;

namespace Portal.Engine.Feed;

/// <summary>
/// A copy of one user's state that staff can play with: mark videos liked or skipped and see how the next batch
/// changes. Nothing here reaches the real user. Not thread-safe; one per portal session.
/// </summary>
public sealed class FeedSandbox
{
    private readonly FeedService _feed;
    private readonly UserState _state;
    private readonly string? _requestedBy;

    internal FeedSandbox(FeedService feed, UserProfile profile, UserState state, string? requestedBy)
    {
        _feed = feed;
        Profile = profile;
        _state = state;
        _requestedBy = requestedBy;
    }

    public UserProfile Profile { get; }

    public int Engagements => _state.EngagementCount;

    public FeedBatch? Current { get; private set; }

    /// <summary>The sandbox user's next batch; it counts as shown in the sandbox.</summary>
    public FeedBatch Next(ServingState serving, Diversity.DiversityRulesStore rules, TimeProvider time)
    {
        Current = _feed.Build(Profile, _state, serving.Current, rules.Active, new FeedRequest(Profile.Id, Mode: FeedMode.Sandbox, RequestedBy: _requestedBy), time.GetUtcNow().UtcDateTime);
        return Current;
    }

    /// <summary>Records a pretend engagement with a video of the sandbox's batches.</summary>
    public void Mark(int videoId, EngagementKind kind, ServingState serving, TimeProvider time, float? watchFraction = null)
    {
        var now = UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime);
        lock (_state.Gate)
        {
            _state.Apply(_state.LastEventId, videoId, kind, watchFraction ?? (kind == EngagementKind.Skip ? 0.05f : kind == EngagementKind.Watch ? 1f : null), now, serving.Current.Catalog);
        }
    }
}
