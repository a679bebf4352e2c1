using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>
/// Popular videos from topic groups the user has not been shown yet (or, once they have seen them all, the groups
/// they engage with least), in an order drawn from the request's random stream so that a replay draws the same.
/// </summary>
public sealed class ExplorationCandidateSource : ICandidateSource
{
    public CandidateSourceKind Kind => CandidateSourceKind.Exploration;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart && context.Options.ExplorationShare > 0;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var clusters = context.Snapshot.Model.Clusters;
        var wanted = Math.Max(FeedOptions.BatchSize, (int)Math.Ceiling(context.Options.ExplorationShare * Math.Max(candidates.Count, context.Options.PerSourceLimit)));
        var unseen = Enumerable.Range(0, clusters.Count).Where(c => !context.SeenClusters.Contains(c) && context.Snapshot.ClusterTop[c].Length > 0).ToList();
        var pool = unseen.Count > 0
            ? unseen
            : Enumerable.Range(0, clusters.Count).OrderBy(c => context.ClusterAffinity.GetValueOrDefault(c)).Take(Math.Max(3, clusters.Count / 4)).ToList();

        // Fisher–Yates with the request's random stream.
        for (var i = pool.Count - 1; i > 0; i--)
        {
            var j = context.Random.Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var taken = 0;
        for (var round = 0; round < 2 && taken < wanted; round++)
        {
            foreach (var cluster in pool)
            {
                if (taken >= wanted)
                {
                    break;
                }

                var members = context.Snapshot.ClusterTop[cluster];
                for (var i = 0; i < members.Length && i < 100; i++)
                {
                    var video = members[i];
                    if (candidates.Contains(video) || !context.IsEligible(video))
                    {
                        continue;
                    }

                    var score = 0.3f + 0.7f * context.Snapshot.Engagement.NormalizedPopularity(video);
                    var why = unseen.Count > 0 ? $"Exploring {clusters.NameOf(cluster)}, new to you" : $"Exploring {clusters.NameOf(cluster)}, a change from your usual";
                    candidates.Propose(video, Kind, score, "exploration", why);
                    taken++;
                    break;
                }
            }
        }
    }
}
