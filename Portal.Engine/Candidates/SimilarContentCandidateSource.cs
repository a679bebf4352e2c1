using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>
/// Videos whose content vector (caption, hashtags, sound) is close to the user's short-term interest vector,
/// searched among the most popular videos of the topic groups the user engaged with most.
/// </summary>
public sealed class SimilarContentCandidateSource : ICandidateSource
{
    public CandidateSourceKind Kind => CandidateSourceKind.SimilarContent;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var interest = context.Interest;
        if (interest is null)
        {
            return;
        }

        var content = context.Snapshot.Model.Content;
        var clusters = context.Snapshot.Model.Clusters;
        var best = new List<(int Video, float Score, int Cluster)>(context.Options.SimilarContentClusters * context.Options.SimilarContentScanPerCluster);
        foreach (var (cluster, _) in context.ClusterAffinity.Where(a => a.Value > 0).OrderByDescending(a => a.Value).Take(context.Options.SimilarContentClusters))
        {
            var members = context.Snapshot.ClusterTop[cluster];
            var scanned = 0;
            for (var i = 0; i < members.Length && scanned < context.Options.SimilarContentScanPerCluster; i++)
            {
                var video = members[i];
                if (!context.IsEligible(video))
                {
                    continue;
                }

                scanned++;
                var similarity = content.Similarity(video, interest);
                if (similarity > 0)
                {
                    best.Add((video, similarity, cluster));
                }
            }
        }

        foreach (var (video, score, cluster) in best.OrderByDescending(b => b.Score).ThenBy(b => b.Video).Take(context.Options.PerSourceLimit))
        {
            candidates.Propose(video, Kind, score, "similar-content", $"Similar to what you liked in {clusters.NameOf(cluster)}");
        }
    }
}
