using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>"People who liked this also liked": the co-engagement neighbours of the user's latest positive engagements.</summary>
public sealed class CoEngagementCandidateSource : ICandidateSource
{
    private const int Seeds = 10;

    public CandidateSourceKind Kind => CandidateSourceKind.CoEngagement;

    public bool AppliesTo(FeedContext context) => context.Personalized && !context.ColdStart;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var engagement = context.Snapshot.Engagement;
        var scores = new Dictionary<int, (float Score, int Seed)>();
        var seeds = 0;
        foreach (var (seed, weight) in context.RecentPositives)
        {
            if (seeds++ >= Seeds)
            {
                break;
            }

            var neighbors = engagement.CoEngaged[seed];
            var neighborScores = engagement.CoEngagedScores[seed];
            var seedWeight = MathF.Min(1f, weight / 2f) * (1f - 0.05f * seeds);
            for (var i = 0; i < neighbors.Length; i++)
            {
                var video = neighbors[i];
                var score = neighborScores[i] * seedWeight;
                if (scores.TryGetValue(video, out var existing))
                {
                    scores[video] = (existing.Score + score, existing.Score >= score ? existing.Seed : seed);
                }
                else if (context.IsEligible(video))
                {
                    scores[video] = (score, seed);
                }
            }
        }

        foreach (var (video, (score, seed)) in scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Key).Take(context.Options.PerSourceLimit))
        {
            candidates.Propose(video, Kind, MathF.Min(1f, score), "co-engagement", $"Liked by people who liked “{Shorten(context.Catalog.Captions[seed])}”");
        }
    }

    private static string Shorten(string caption) => caption.Length <= 40 ? caption : caption[..39] + "…";
}
