using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>Videos whose engagement in the last hours runs well above their own longer-term rate.</summary>
public sealed class TrendingCandidateSource : ICandidateSource
{
    public CandidateSourceKind Kind => CandidateSourceKind.Trending;

    public bool AppliesTo(FeedContext context) => true;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var engagement = context.Snapshot.Engagement;
        var top = engagement.TrendingTop;
        var limit = context.Options.PerSourceLimit / 2;
        var reason = context.Personalized ? "Trending right now" : "Trending right now (personalisation is off)";
        var taken = 0;
        for (var i = 0; i < top.Length && taken < limit; i++)
        {
            var video = top[i];
            if (context.IsEligible(video))
            {
                candidates.Propose(video, Kind, Math.Max(0.01f, engagement.NormalizedTrending(video)), "trending", reason);
                taken++;
            }
        }
    }
}
