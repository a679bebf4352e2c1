using System.Numerics.Tensors;
using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>
/// The highest ALS scores for the user's collaborative factors (folded in from their latest engagements), searched
/// only among the most popular videos of the video clusters whose centre of gravity scores highest, to stay fast.
/// </summary>
public sealed class CollaborativeCandidateSource : ICandidateSource
{
    private const int ClustersSearched = 5;
    private const int ScanPerCluster = 400;

    public CandidateSourceKind Kind => CandidateSourceKind.Collaborative;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart && context.Snapshot.ClusterFactorMeans is not null;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var model = context.Snapshot.Model.Collaborative!;
        var user = context.CollaborativeVector;
        if (user is null || TensorPrimitives.Norm(user) <= 1e-6f)
        {
            return;
        }

        // Rank clusters by the user's score for their popular members' mean factors: cheap, and it keeps the search local.
        var snapshot = context.Snapshot;
        var means = snapshot.ClusterFactorMeans!;
        var clusterScores = new List<(int Cluster, float Score)>(snapshot.ClusterTop.Length);
        for (var cluster = 0; cluster < snapshot.ClusterTop.Length; cluster++)
        {
            clusterScores.Add((cluster, TensorPrimitives.Dot(means.AsSpan(cluster * model.Factors, model.Factors), user)));
        }

        var best = new List<(int Video, float Score)>(ClustersSearched * ScanPerCluster);
        foreach (var (cluster, _) in clusterScores.OrderByDescending(c => c.Score).Take(ClustersSearched))
        {
            var members = snapshot.ClusterTop[cluster];
            for (var i = 0; i < members.Length && i < ScanPerCluster; i++)
            {
                var video = members[i];
                if (model.HasItem[video] && context.IsEligible(video))
                {
                    best.Add((video, model.Score(user, video)));
                }
            }
        }

        best.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Video.CompareTo(b.Video));
        var top = best.Count == 0 ? 1f : Math.Max(1e-3f, best[0].Score);
        foreach (var (video, score) in best.Take(context.Options.PerSourceLimit))
        {
            if (score > 0)
            {
                candidates.Propose(video, Kind, score / top, "collaborative", "Liked by people with tastes like yours");
            }
        }
    }
}
