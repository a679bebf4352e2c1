using Portal.Engine.Clustering;
using Portal.Engine.Ranking;
using Portal.Engine.Representation;

namespace Portal.Engine.Training;

/// <summary>
/// One immutable, versioned set of learned artifacts the feed serves from. Swapped as a whole, so a request in
/// flight never sees half a model. The baseline version needs no training: engine TF-IDF content vectors and
/// dominant-hashtag topic groups.
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

    public DateTime CreatedAt { get; }

    public ContentVectors Content { get; }

    public VideoClusters Clusters { get; }

    /// <summary>The ranker trained with this model, or null to rank with the heuristic.</summary>
    public IRanker? LearnedRanker { get; init; }
}
