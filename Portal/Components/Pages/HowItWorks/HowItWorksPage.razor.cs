using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Portal.Components.Pages.Rules;
using Portal.Components.Shared;
using Portal.Engine.Candidates;
using Portal.Engine.Diversity;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Components.Pages.HowItWorks;

/// <summary>
/// "How recommendations work", for every member of staff: the pipeline in plain words with the values in force now,
/// read from the options, the active diversity rules and the serving model when the page opens (nothing is hard-coded
/// here but the words).
/// </summary>
public partial class HowItWorksPage
{
    private const int WeightsShown = 6;

    [Inject]
    private IOptions<FeedOptions> FeedSettings { get; set; } = default!;

    [Inject]
    private IOptions<CandidatesOptions> CandidateSettings { get; set; } = default!;

    [Inject]
    private IOptionsMonitor<RankingOptions> RankingSettings { get; set; } = default!;

    [Inject]
    private DiversityRulesStore Rules { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private RankerSelector Rankers { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateTime _now;
    private ActiveDiversityRules? _rules;
    private IReadOnlyList<string> _ruleSentences = [];
    private IReadOnlyList<RecommendationSetting> _sources = [];
    private IReadOnlyList<RecommendationSetting> _memory = [];
    private IReadOnlyList<RecommendationSetting> _model = [];
    private IReadOnlyList<(string Name, double Value, double Share)> _weights = [];
    private string _rankerName = "heuristic";
    private string _modelVersion = "not loaded yet";
    private bool _learned;

    private FeedOptions Feed => FeedSettings.Value;

    private CandidatesOptions Candidates => CandidateSettings.Value;

    private string RankerSentence => _learned
        ? $"A learned model ({_rankerName}) predicts how likely the user is to engage with each candidate, from {RankingFeatures.Count} signals such as how similar the video is to what they liked and how popular it is."
        : $"A weighted formula ({_rankerName}) turns {RankingFeatures.Count} signals, such as how similar the video is to what the user liked and how popular it is, into a predicted chance of engagement.";

    protected override void OnInitialized()
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        _rules = Rules.TryGetActive();
        _ruleSentences = _rules is null ? [] : RuleField.All.Select(f => f.Sentence(f.Get(_rules.Rules)) + ".").ToList();
        _sources = Sources(Candidates, Feed);
        _memory = Memory(Feed, Candidates, _rules?.Rules);

        var snapshot = Serving.TryGetCurrent();
        if (snapshot is null)
        {
            _model = [new("Status", "The engine is still starting; open this page again in a few seconds.")];
            _weights = HeuristicWeights(RankingSettings.CurrentValue);
            return;
        }

        var model = snapshot.Model;
        var ranker = Rankers.For(model);
        _rankerName = ranker.Name;
        _modelVersion = model.Version;
        _learned = ranker is LearnedRanker;
        _weights = ranker is LearnedRanker learned ? Importance(learned) : HeuristicWeights(RankingSettings.CurrentValue);
        _model =
        [
            new("Version", model.IsBaseline ? "baseline (no trained model yet: content vectors and topic groups from hashtags)" : model.Version),
            new("Trained", model.IsBaseline ? "—" : DisplayText.Utc(model.CreatedAt)),
            new("Topic groups (video clusters)", model.Clusters.Count.ToString("N0", CultureInfo.InvariantCulture)),
            new("People like you (collaborative factors)", model.Collaborative is null ? "not trained yet" : "trained"),
            new("User clusters", model.UserClusters is null ? "not trained yet" : "trained"),
            new("Ranker", ranker.Name + (RankingSettings.CurrentValue.UseLearnedRanker ? "" : " (learned ranking is switched off in the configuration)")),
            new("Catalog", $"{snapshot.Catalog.Count:N0} videos, {snapshot.Availability.ServableCount:N0} of them servable now"),
        ];
    }

    private static IReadOnlyList<RecommendationSetting> Sources(CandidatesOptions c, FeedOptions f) =>
    [
        new("Popular", $"Most engaged with lately in the user's country, then language (popularity halves every {Hours(c.PopularityHalfLifeHours)}); lists of {c.TopListSize:N0}"),
        new("Trending", $"Engagement rising faster than usual (halves every {Hours(c.TrendingHalfLifeHours)})"),
        new("Similar content", $"Like the user's last {c.RecentPositives} positive engagements, searched in their {c.SimilarContentClusters} closest topic groups ({c.SimilarContentScanPerCluster:N0} videos each)"),
        new("Creators", $"Newest {c.VideosPerCreator} videos of up to {c.Creators} creators the user follows or liked"),
        new("Liked by similar people", $"Co-engaged with the user's last {c.CoEngagementHistory} positive engagements ({c.CoEngagementNeighbors} neighbours per video)"),
        new("Nearby users", "What users in the user's cluster engage with (once a model is trained)"),
        new("Collaborative", "Matrix factorisation of who engaged with what (once a model is trained)"),
        new("Exploration", $"{c.ExplorationShare:P0} of candidates from topic groups new to the user"),
        new("Limits", $"Up to {c.PerSourceLimit} per source; a cold start (fewer than {f.ColdStartEngagements} engagements) uses popular videos only, twice as many"),
        new("Statistics refresh", $"Every {c.RefreshIntervalMinutes} minutes; a user's own state updates on every event"),
    ];

    private static IReadOnlyList<RecommendationSetting> Memory(FeedOptions f, CandidatesOptions c, DiversityRules? rules) =>
    [
        new("“Not interested” keeps a creator and sound away for", Hours(f.NotInterestedFatigueHours)),
        new("A creator may come back after", rules is null ? "—" : $"{rules.CreatorCooldown} videos"),
        new("A sound may come back after", rules is null ? "—" : $"{rules.SoundCooldown} videos"),
        new("Liking a creator or sound fades by half every", Hours(f.AffinityHalfLifeHours)),
        new("Engagements the online state remembers", f.RecentEngagements.ToString("N0", CultureInfo.InvariantCulture)),
        new("Popularity fades by half every", Hours(c.PopularityHalfLifeHours)),
    ];

    private static IReadOnlyList<(string, double, double)> HeuristicWeights(RankingOptions options)
    {
        var weights = options.Weights();
        var max = weights.Max(w => Math.Abs(w));
        return Enumerable.Range(0, Math.Min(weights.Length, RankingFeatures.Count))
            .OrderByDescending(i => Math.Abs(weights[i]))
            .Take(WeightsShown)
            .Select(i => (DisplayText.Words(RankingFeatures.Names[i]), (double)weights[i], max == 0 ? 0d : Math.Abs(weights[i]) / (double)max))
            .ToList();
    }

    private static IReadOnlyList<(string, double, double)> Importance(LearnedRanker ranker)
    {
        var total = ranker.FeatureImportance.Values.Sum();
        return ranker.FeatureImportance
            .OrderByDescending(p => p.Value)
            .Take(WeightsShown)
            .Select(p => (DisplayText.Words(p.Key), p.Value, total == 0 ? 0 : p.Value / total))
            .ToList();
    }

    private static string Hours(double hours) => hours switch
    {
        >= 48 when hours % 24 == 0 => $"{hours / 24:0} days",
        1 => "1 hour",
        _ => $"{hours:0.#} hours",
    };
}
