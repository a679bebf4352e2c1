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
        ClusterFactorMeans = ComputeClusterFactorMeans(model, ClusterTop);
    }

    private ServingSnapshot(ServingSnapshot other, VideoAvailability availability)
    {
        Catalog = other.Catalog;
        Model = other.Model;
        Engagement = other.Engagement;
        ClusterTop = other.ClusterTop;
        ClusterFactorMeans = other.ClusterFactorMeans;
        Availability = availability;
    }

    public CatalogSnapshot Catalog { get; }

    public RecommenderModel Model { get; }

    public EngagementSnapshot Engagement { get; }

    public VideoAvailability Availability { get; }

    /// <summary>Each cluster's videos, most popular first.</summary>
    public int[][] ClusterTop { get; }

    /// <summary>Per cluster, the mean ALS factors of its most popular videos (row-major); null without collaborative factors.</summary>
    public float[]? ClusterFactorMeans { get; }

    public int ClusterOf(int video) => Model.Clusters.ClusterOf[video];

    private static float[]? ComputeClusterFactorMeans(RecommenderModel model, int[][] clusterTop)
    {
        var collaborative = model.Collaborative;
        if (collaborative is null)
        {
            return null;
        }

        var f = collaborative.Factors;
        var means = new float[clusterTop.Length * f];
        for (var cluster = 0; cluster < clusterTop.Length; cluster++)
        {
            var mean = means.AsSpan(cluster * f, f);
            var counted = 0;
            foreach (var video in clusterTop[cluster])
            {
                if (counted >= 200)
                {
                    break;
                }

                if (collaborative.HasItem[video])
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(mean, collaborative.Item(video), mean);
                    counted++;
                }
            }

            if (counted > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(mean, counted, mean);
            }
        }

        return means;
    }

    public ServingSnapshot WithAvailability(VideoAvailability availability) => new(this, availability);
}
