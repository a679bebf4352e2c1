using Portal.Engine.Candidates;
using Portal.Engine.Feed;

namespace Portal.Engine.Ranking;

/// <summary>Computes <see cref="RankingFeatures"/> for a candidate; shared by every ranker and by training, so they agree.</summary>
public static class FeatureExtractor
{
    private const double DayMs = 86_400_000.0;

    public static float[] Extract(FeedContext context, Candidate candidate)
    {
        var features = new float[RankingFeatures.Count];
        Fill(context, candidate.Video, candidate.SourceScores, features);
        return features;
    }

    public static void Fill(FeedContext context, int video, ReadOnlySpan<float> sourceScores, Span<float> features)
    {
        var catalog = context.Catalog;
        var engagement = context.Snapshot.Engagement;
        var creator = catalog.CreatorOf[video];
        features[RankingFeatures.Popularity] = engagement.NormalizedPopularity(video);
        features[RankingFeatures.Trending] = engagement.NormalizedTrending(video);
        if (context.Personalized)
        {
            var interest = context.Interest;
            features[RankingFeatures.ContentSimilarity] = interest is null ? 0 : context.Snapshot.Model.Content.Similarity(video, interest);
            features[RankingFeatures.ClusterAffinity] = MathF.Tanh(context.ClusterAffinity.GetValueOrDefault(context.Snapshot.ClusterOf(video)) / 3f);
            features[RankingFeatures.CreatorAffinity] = context.Follows(creator) ? 1f : MathF.Tanh(context.CreatorAffinity(creator) / 3f);
            features[RankingFeatures.SoundAffinity] = MathF.Tanh(context.SoundAffinity(catalog.SoundOf[video]) / 3f);
            features[RankingFeatures.CoEngagement] = sourceScores[(int)CandidateSourceKind.CoEngagement];
            features[RankingFeatures.ClusterProximity] = sourceScores[(int)CandidateSourceKind.ClusterProximity];
            features[RankingFeatures.Collaborative] = sourceScores[(int)CandidateSourceKind.Collaborative];
        }

        features[RankingFeatures.Freshness] = (float)Math.Pow(2, -Math.Max(0, context.NowMs - catalog.CreatedAtMs[video]) / (7 * DayMs));
        features[RankingFeatures.LanguageMatch] = catalog.LanguageOf[video] == 0 ? 0.6f : 1f;
        var sources = 0;
        foreach (var score in sourceScores)
        {
            sources += score > 0 ? 1 : 0;
        }

        features[RankingFeatures.SourceCount] = Math.Min(1f, sources / 3f);
        features[RankingFeatures.Fatigue] = context.IsFatigued(video) ? 1f : 0f;
        features[RankingFeatures.Exploration] = sourceScores[(int)CandidateSourceKind.Exploration] > 0 ? 1f : 0f;
    }
}
