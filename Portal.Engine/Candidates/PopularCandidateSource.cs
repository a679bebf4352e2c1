using Portal.Engine.Feed;

namespace Portal.Engine.Candidates;

/// <summary>
/// Videos most engaged with lately (time-decayed) by people in the user's country, then in the user's language.
/// For a cold start it also takes the most popular few of every topic group, so that the batch can span eight.
/// </summary>
public sealed class PopularCandidateSource : ICandidateSource
{
    public CandidateSourceKind Kind => CandidateSourceKind.Popular;

    public bool AppliesTo(FeedContext context) => true;

    public void Propose(FeedContext context, CandidateSet candidates)
    {
        var engagement = context.Snapshot.Engagement;
        var limit = context.ColdStart ? context.Options.PerSourceLimit * 2 : context.Options.PerSourceLimit;
        var suffix = context.Personalized ? "" : " (personalisation is off)";
        var taken = 0;
        if (context.CountryIndex >= 0 && engagement.CountryTop.TryGetValue(context.CountryIndex, out var countryTop))
        {
            taken += Take(context, candidates, countryTop, limit, "popular-country", $"Popular in {context.Country} lately{suffix}");
        }

        if (context.LanguageIndex >= 0 && engagement.LanguageTop.TryGetValue(context.LanguageIndex, out var languageTop))
        {
            taken += Take(context, candidates, languageTop, limit, "popular-language", $"Popular with {Languages.NameOf(context.User.Language)} speakers{suffix}");
        }

        if (taken < limit)
        {
            Take(context, candidates, engagement.GlobalTop, limit - taken, "popular-global", $"Popular everywhere{suffix}");
        }

        if (context.ColdStart || !context.Personalized)
        {
            // One to three of the most popular eligible videos of every topic group: the spread a first batch needs.
            var clusters = context.Snapshot.Model.Clusters;
            for (var cluster = 0; cluster < clusters.Count; cluster++)
            {
                var members = context.Snapshot.ClusterTop[cluster];
                var found = 0;
                for (var i = 0; i < members.Length && i < 200 && found < 3; i++)
                {
                    var video = members[i];
                    if (context.IsEligible(video))
                    {
                        candidates.Propose(video, Kind, Score(context, video), "popular-group", $"Popular in {clusters.NameOf(cluster)}{suffix}");
                        found++;
                    }
                }
            }
        }
    }

    private int Take(FeedContext context, CandidateSet candidates, int[] ranked, int limit, string code, string reason)
    {
        var taken = 0;
        for (var i = 0; i < ranked.Length && taken < limit; i++)
        {
            var video = ranked[i];
            if (context.IsEligible(video))
            {
                candidates.Propose(video, Kind, Score(context, video), code, reason);
                taken++;
            }
        }

        return taken;
    }

    private static float Score(FeedContext context, int video) => Math.Max(0.01f, context.Snapshot.Engagement.NormalizedPopularity(video));
}
