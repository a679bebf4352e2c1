using Microsoft.Extensions.Options;
using Portal.Engine.Candidates;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Primitives;
using Portal.Engine.Ranking;
using Portal.Engine.Storage;

namespace Portal.Engine.Feed;

/// <summary>
/// Builds the next batch of 8 for a user. The one place that knows the order of the stages:
/// capture the snapshot → load the user's state → gather candidates → rank → apply the diversity rules →
/// explain → record (served log, and for a real request the user's state).
/// </summary>
public sealed class FeedService(
    ServingState serving,
    UserDirectory users,
    UserStateStore states,
    DiversityRulesStore rules,
    IEnumerable<ICandidateSource> sources,
    RankerSelector rankers,
    ServedLog servedLog,
    IOptions<FeedOptions> feedOptions,
    IOptions<CandidatesOptions> candidateOptions,
    TimeProvider time)
{
    private readonly ICandidateSource[] _sources = [.. sources.OrderBy(s => s.Kind == CandidateSourceKind.Exploration ? 1 : 0)];

    /// <summary>The next batch for a registered user, or null when there is no such user.</summary>
    public async ValueTask<FeedBatch?> NextBatchAsync(FeedRequest request, CancellationToken ct = default)
    {
        var snapshot = serving.Current;
        if (await users.FindAsync(request.UserId, ct).ConfigureAwait(false) is not { } profile)
        {
            return null;
        }

        var state = await states.GetAsync(request.UserId, snapshot.Catalog, ct).ConfigureAwait(false);
        // What other instances stored for the user (events sent to them, batches they served); nothing on one instance.
        await states.CatchUpAsync(state, snapshot.Catalog, ct).ConfigureAwait(false);
        return Build(profile, state, snapshot, rules.Active, request, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The batch a brand-new user with this language, country and device would get; nothing is stored.</summary>
    public FeedBatch PreviewColdStart(string language, string country, DeviceType device, string? requestedBy = null)
    {
        var profile = new UserProfile(0, language, country.ToUpperInvariant(), device, true, time.GetUtcNow().UtcDateTime);
        var settings = feedOptions.Value;
        var state = new UserState(0, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours);
        return Build(profile, state, serving.Current, rules.Active, new FeedRequest(0, Mode: FeedMode.Sandbox, RequestedBy: requestedBy), time.GetUtcNow().UtcDateTime, log: false);
    }

    /// <summary>A sandbox over a copy of the user's state: staff mark videos liked or skipped and see the next batch change; the real user is never touched.</summary>
    public async Task<FeedSandbox?> CreateSandboxAsync(long userId, string? requestedBy, CancellationToken ct = default)
    {
        var snapshot = serving.Current;
        if (await users.FindAsync(userId, ct).ConfigureAwait(false) is not { } profile)
        {
            return null;
        }

        var state = await states.GetAsync(userId, snapshot.Catalog, ct).ConfigureAwait(false);
        await states.CatchUpAsync(state, snapshot.Catalog, ct).ConfigureAwait(false);
        UserState copy;
        lock (state.Gate)
        {
            copy = state.Clone();
        }

        return new FeedSandbox(this, profile, copy, requestedBy);
    }

    /// <summary>
    /// Builds a batch from an explicit state. <see cref="FeedMode.Serve"/> and <see cref="FeedMode.Sandbox"/> (whose
    /// state is a copy) record the batch in the state (seen, cooldowns); every mode but <see cref="FeedMode.Replay"/> is written to the served log when <paramref name="log"/> is set.
    /// </summary>
    public FeedBatch Build(UserProfile profile, UserState state, ServingSnapshot snapshot, ActiveDiversityRules activeRules, FeedRequest request, DateTime now, bool log = true, IRanker? ranker = null)
    {
        var requestId = request.RequestId ?? Guid.NewGuid();
        var random = new SeededRandom(Seed(requestId));
        var nowMs = UtcDateTimeConverter.ToUnixMilliseconds(now);
        now = UtcDateTimeConverter.FromUnixMilliseconds(nowMs);
        var device = request.Context?.Device ?? profile.Device;
        var country = string.IsNullOrWhiteSpace(request.Context?.Country) ? profile.Country : request.Context!.Country!.Trim().ToUpperInvariant();
        ranker ??= rankers.For(snapshot.Model);

        lock (state.Gate)
        {
            var (context, ranked, candidateCount) = Rank(profile, state, snapshot, activeRules.Rules, nowMs, random, device, country, ranker);
            var batchRules = context.Rules;
            var selection = DiversityReRanker.Select(context, ranked, batchRules);
            var batch = Explain(context, request, requestId, now, selection, activeRules.Version, ranker.Name, candidateCount);

            if (request.Mode is FeedMode.Serve or FeedMode.Sandbox)
            {
                state.RecordServed(batch.Items.Select(i => (i.VideoId, i.CreatorId, i.SoundId)), nowMs, request.Mode == FeedMode.Serve && log ? requestId : null);
            }

            if (log && request.Mode != FeedMode.Replay)
            {
                servedLog.Append(batch);
            }

            return batch;
        }
    }

    /// <summary>
    /// The candidates for a user ranked by predicted engagement, before the diversity step: what offline evaluation
    /// compares with other methods. Takes the state's lock.
    /// </summary>
    public IReadOnlyList<Candidate> RankCandidates(UserProfile profile, UserState state, ServingSnapshot snapshot, DiversityRules rules, DateTime now, Guid requestId, IRanker? ranker = null)
    {
        lock (state.Gate)
        {
            return Rank(profile, state, snapshot, rules, UtcDateTimeConverter.ToUnixMilliseconds(now), new SeededRandom(Seed(requestId)), profile.Device, profile.Country, ranker ?? rankers.For(snapshot.Model)).Ranked;
        }
    }

    private (FeedContext Context, List<Candidate> Ranked, int CandidateCount) Rank(UserProfile profile, UserState state, ServingSnapshot snapshot, DiversityRules rules, long nowMs, SeededRandom random, DeviceType device, string country, IRanker ranker)
    {
        var coldStart = state.EngagementCount < feedOptions.Value.ColdStartEngagements;
        var batchRules = coldStart ? ColdStartRules(rules) : rules;
        var context = new FeedContext(profile, state, snapshot, batchRules, candidateOptions.Value, nowMs, random, device, country, coldStart);

        var candidates = new CandidateSet();
        foreach (var source in _sources)
        {
            if (source.AppliesTo(context))
            {
                source.Propose(context, candidates);
            }
        }

        var ranked = candidates.All.ToList();
        ranker.Score(context, ranked);
        ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Video.CompareTo(b.Video));
        for (var i = 0; i < ranked.Count; i++)
        {
            ranked[i].RankBefore = i + 1;
        }

        return (context, ranked, candidates.Count);
    }

    /// <summary>
    /// The rules of a first batch: whatever is active, tightened so that the 8 popular videos span 8 topic groups,
    /// 8 sounds and 8 creators, with no exploration slot (the spread is the exploration).
    /// </summary>
    public static DiversityRules ColdStartRules(DiversityRules active) => active with
    {
        MaxPerCreator = 1,
        MaxPerSound = 1,
        MaxPerCluster = 1,
        MinDistinctClusters = FeedOptions.BatchSize,
        ExplorationSlots = 0,
    };

    private FeedBatch Explain(FeedContext context, FeedRequest request, Guid requestId, DateTime now, DiversitySelection selection, int rulesVersion, string rankerName, int candidateCount)
    {
        var catalog = context.Catalog;
        var clusters = context.Snapshot.Model.Clusters;
        var items = new List<FeedItem>(selection.Items.Count);
        foreach (var selected in selection.Items)
        {
            var candidate = selected.Candidate;
            var video = candidate.Video;
            var creator = catalog.CreatorOf[video];
            var sound = catalog.SoundOf[video];
            var cluster = context.Snapshot.ClusterOf(video);
            var reasons = candidate.Reasons.Select(r => new FeedReason(SourceName(r.Source), r.Code, r.Text)).ToList();
            if (context.ColdStart)
            {
                reasons.Insert(0, new FeedReason("coldStart", "cold-start", "A first batch: popular videos across different topics, sounds and creators"));
            }
            else if (!context.Personalized)
            {
                reasons.Insert(0, new FeedReason("nonPersonalized", "non-personalized", "Personalisation is off: only popularity in your region and the diversity rules choose"));
            }

            items.Add(new FeedItem(
                selected.Position,
                catalog.VideoIds[video],
                catalog.CreatorIds[creator],
                catalog.CreatorHandles[creator],
                catalog.SoundIds[sound],
                catalog.SoundTitles[sound],
                catalog.Captions[video],
                catalog.HashtagTagsOf(video).ToArray(),
                cluster,
                clusters.NameOf(cluster),
                catalog.LanguageCodeOf(video),
                candidate.Score,
                candidate.RankBefore,
                selected.ExplorationSlot,
                reasons,
                candidate.Features,
                selected.RuleEffects));
        }

        string? shortfall = null;
        if (items.Count < FeedOptions.BatchSize)
        {
            shortfall = items.Count == 0
                ? "No video is eligible for this user right now: everything in their language, country and device has been shown already or is not available."
                : $"Only {items.Count} videos are eligible for this user right now (language, country, device, not shown before, not moderated).";
        }

        var blocked = selection.Blocked
            .Select(b => new BlockedVideo(catalog.VideoIds[b.Video], b.RankBefore, b.Rule, $"Kept out by the {DiversityReRanker.Describe(b.Rule)}"))
            .ToList();
        return new FeedBatch(
            requestId,
            context.User.Id,
            context.State.BatchesServed + 1,
            now,
            request.Mode,
            context.ColdStart,
            context.Personalized,
            DeviceTypes.NameOf(context.Device),
            context.Country,
            context.User.Language,
            items,
            shortfall,
            selection.Relaxed,
            blocked,
            rulesVersion,
            context.Snapshot.Model.Version,
            rankerName,
            candidateCount,
            context.Snapshot.Engagement.EventWatermark,
            context.State.LastEventId,
            request.RequestedBy);
    }

    /// <summary>The camel-case name of a source, as the API and the served log show it.</summary>
    public static string SourceName(CandidateSourceKind source) => source switch
    {
        CandidateSourceKind.Popular => "popular",
        CandidateSourceKind.Trending => "trending",
        CandidateSourceKind.SimilarContent => "similarContent",
        CandidateSourceKind.Creators => "creators",
        CandidateSourceKind.CoEngagement => "coEngagement",
        CandidateSourceKind.Exploration => "exploration",
        CandidateSourceKind.ClusterProximity => "clusterProximity",
        CandidateSourceKind.Collaborative => "collaborative",
        _ => source.ToString(),
    };

    private static ulong Seed(Guid requestId)
    {
        Span<byte> bytes = stackalloc byte[16];
        requestId.TryWriteBytes(bytes);
        return BitConverter.ToUInt64(bytes) ^ BitConverter.ToUInt64(bytes[8..]);
    }
}
