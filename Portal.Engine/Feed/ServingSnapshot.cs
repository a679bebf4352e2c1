using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Training;

namespace Portal.Engine.Feed;

/// <summary>
/// Everything a feed request reads, captured once at its start: catalog, model, engagement statistics, the
/// indexes derived from them, and which videos may be served. Each part is immutable; a change swaps in a new
/// snapshot, so a request never sees a mix of old and new.
/// </summary>
public sealed class ServingSnapshot
{
    public ServingSnapshot(CatalogSnapshot catalog, RecommenderModel model, EngagementSnapshot engagement, VideoAvailability availability)
    {
        Catalog = catalog;
        Model = model;
        Engagement = engagement;
        Availability = availability;
        ClusterTop = model.Clusters.Members
            .Select(members => members.OrderByDescending(v => engagement.Popularity[v]).ThenBy(v => v).ToArray())
            .ToArray();
    }

    private ServingSnapshot(ServingSnapshot other, VideoAvailability availability)
    {
        Catalog = other.Catalog;
        Model = other.Model;
        Engagement = other.Engagement;
        ClusterTop = other.ClusterTop;
        Availability = availability;
    }

    public CatalogSnapshot Catalog { get; }

    public RecommenderModel Model { get; }

    public EngagementSnapshot Engagement { get; }

    public VideoAvailability Availability { get; }

    /// <summary>Each cluster's videos, most popular first.</summary>
    public int[][] ClusterTop { get; }

    public int ClusterOf(int video) => Model.Clusters.ClusterOf[video];

    public ServingSnapshot WithAvailability(VideoAvailability availability) => new(this, availability);
}
