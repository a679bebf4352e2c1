using Portal.Engine.Catalog;
using Portal.Engine.Events;

namespace Portal.Engine.Synthetic;

/// <summary>A generated world in memory: the catalog, the users, their events, and the hidden truth behind them.</summary>
public sealed class World
{
    public required WorldSpec Spec { get; init; }

    public List<Creator> Creators { get; } = [];

    public List<Sound> Sounds { get; } = [];

    public List<Hashtag> Hashtags { get; } = [];

    /// <summary>Videos with their <see cref="Video.Hashtags"/> filled in.</summary>
    public List<Video> Videos { get; } = [];

    public List<AppUser> Users { get; } = [];

    /// <summary>Events in time order.</summary>
    public List<EngagementEvent> Events { get; } = [];

    public List<VideoTruth> VideoTruths { get; } = [];

    public List<CreatorTruth> CreatorTruths { get; } = [];

    public List<SoundTruth> SoundTruths { get; } = [];

    public List<UserInterest> UserInterests { get; } = [];
}
