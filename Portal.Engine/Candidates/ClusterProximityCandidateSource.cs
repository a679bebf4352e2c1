using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>
/// Popular videos from the video clusters that people like the user engage with most: the user's cluster (as trained,
/// or the nearest one to their online vector) and its highest-affinity video clusters.
/// </summary>
public sealed class ClusterProximityCandidateSource : ICandidateSource
{
    private const int VideoClusters = 4;

    public CandidateSourceKind Kind => CandidateSourceKind.ClusterProximity;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart && context.Snapshot.Model.UserClusters is not null;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var users = context.Snapshot.Model.UserClusters!;
        var userCluster = context.UserCluster;
        if (userCluster < 0)
        {
            return;
        }

        var videoClusters = context.Snapshot.Model.Clusters;
        var profile = users.Profiles[userCluster];
        var perCluster = Math.Max(2, context.Options.PerSourceLimit / VideoClusters);
        foreach (var cluster in users.TopVideoClusters(userCluster).Take(VideoClusters))
        {
            var affinity = users.AffinityOf(userCluster, cluster);
            if (affinity <= 1f || cluster >= context.Snapshot.ClusterTop.Length)
            {
                continue;
            }

            var score = Math.Min(1f, affinity / 4f);
            var members = context.Snapshot.ClusterTop[cluster];
            var taken = 0;
            for (var i = 0; i < members.Length && i < 300 && taken < perCluster; i++)
            {
                var video = members[i];
                if (context.IsEligible(video))
                {
                    candidates.Propose(video, Kind, score * (0.5f + 0.5f * context.Snapshot.Engagement.NormalizedPopularity(video)), "cluster-proximity",
                        $"Popular with people like you ({profile.Name}) in {videoClusters.NameOf(cluster)}");
                    taken++;
                }
            }
        }
    }
}
