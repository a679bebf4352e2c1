using Portal.Engine.Clustering;
using Portal.Engine.Ranking;
using Portal.Engine.Representation;

namespace Portal.Engine.Training;

/// <summary>
/// One immutable, versioned set of learned artifacts the feed serves from, aligned to the catalog snapshot it serves
/// (arrays indexed like it). Swapped as a whole, so a request in flight never sees half a model. The baseline version
/// needs no training: the engine's TF-IDF content vectors and dominant-hashtag topic groups; trained versions add
/// ML.NET content vectors, learned clusters, collaborative factors, user clusters and a learned ranker.
/// </summary>
public sealed class RecommenderModel
{
    public RecommenderModel(string version, DateTime createdAt, ContentVectors content, VideoClusters clusters)
    {
        Version = version;
        CreatedAt = createdAt;
        Content = content;
        Clusters = clusters;
    }

    /// <summary>The name the served log records, e.g. <c>baseline</c> or <c>v12</c>.</summary>
    public string Version { get; }

    /// <summary>The registry id of a trained version; null for the baseline.</summary>
    public int? VersionId { get; init; }

    public DateTime CreatedAt { get; }

    public ContentVectors Content { get; }

    public VideoClusters Clusters { get; }

    /// <summary>ALS factors, or null before any training.</summary>
    public CollaborativeModel? Collaborative { get; init; }

    /// <summary>User clusters and their affinity to video clusters, or null before any training.</summary>
    public UserClusterModel? UserClusters { get; init; }

    /// <summary>The ranker trained with this model, or null to rank with the heuristic.</summary>
    public IRanker? LearnedRanker { get; init; }

    public bool IsBaseline => VersionId is null;
}
