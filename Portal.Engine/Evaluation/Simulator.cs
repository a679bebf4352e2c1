using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Primitives;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Evaluation;

/// <summary>
/// Lets generated users with hidden interests use the live pipeline: each registers like a new app user, takes
/// batches of 8 through <see cref="FeedService"/>, reacts to every video as the world's <see cref="EngagementModel"/>
/// says (their interest in the video's theme, its quality, its creator's and sound's appeal, the language), and the
/// reactions go back through <see cref="EventIngestor"/> as real events, so the next batch is built from them.
/// The users it creates stay in the database, like any other users; their events and served batches train the next
/// model.
/// </summary>
public sealed class Simulator(
    FeedService feed,
    UserDirectory users,
    UserStateStore states,
    EventIngestor ingestor,
    ServingState serving,
    DiversityRulesStore rules,
    IDbContextFactory<EngineDbContext> contexts,
    TimeProvider time)
{
    public async Task<SimulationReport> RunAsync(SimulationOptions options, IProgress<double>? progress = null, string requestedBy = "", CancellationToken ct = default)
    {
        if (options.Users < 1 || options.Users > 100_000 || options.Batches < 1 || options.Batches > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Simulate between 1 and 100,000 users and between 1 and 1,000 batches.");
        }

        var clock = Stopwatch.StartNew();
        var snapshot = serving.Current;
        var catalog = snapshot.Catalog;
        var truth = await LoadTruthAsync(catalog, ct);
        var random = SeededRandom.For(options.Seed, "simulation");

        // Register the simulated users, each with a hidden mix of one to three themes.
        var people = new List<SimulatedUser>(options.Users);
        for (var i = 0; i < options.Users; i++)
        {
            var language = WorldGeography.PickLanguage(random);
            var country = WorldGeography.PickCountry(language, random);
            var device = WorldGeography.PickDevice(random);
            var created = await users.CreateAsync(new NewUser(null, language, country, DeviceTypes.NameOf(device)), ct);
            states.AddEmpty(created.User!.Id);
            var interests = new float[ThemeCatalog.All.Count];
            var count = random.NextDouble() switch { < 0.3 => 1, < 0.75 => 2, _ => 3 };
            for (var k = 0; k < count; k++)
            {
                interests[random.Next(interests.Length)] = k == 0 ? 1f : (float)(0.35 + 0.6 * random.NextDouble());
            }

            people.Add(new SimulatedUser(created.User, interests, []));
        }

        var positives = new double[options.Batches];
        var likes = new double[options.Batches];
        var watch = new double[options.Batches];
        var shown = new double[options.Batches];
        var firstInterestLike = new int?[people.Count];
        var served = new HashSet<int>();
        var sequences = people.Select(_ => new List<(int, int)>()).ToArray();
        var violations = 0;
        var ingested = 0;
        for (var b = 0; b < options.Batches; b++)
        {
            for (var u = 0; u < people.Count; u++)
            {
                ct.ThrowIfCancellationRequested();
                var person = people[u];
                var batch = await feed.NextBatchAsync(new FeedRequest(person.Profile.Id, RequestedBy: null), ct);
                if (batch is null)
                {
                    continue;
                }

                violations += Violations(batch, person.Seen);
                var now = time.GetUtcNow().UtcDateTime;
                var events = new List<IncomingEvent>(batch.Items.Count * 3);
                foreach (var item in batch.Items)
                {
                    person.Seen.Add(item.VideoId);
                    served.Add(item.VideoId);
                    sequences[u].Add((item.CreatorId, item.SoundId));
                    var video = catalog.IndexOf(item.VideoId);
                    var (theme, quality) = truth.Videos[video];
                    var interest = person.Interests.Max() <= 0 ? EngagementModel.BaselineInterest : Math.Max(EngagementModel.BaselineInterest, person.Interests[theme] / person.Interests.Max());
                    var appeal = EngagementModel.Appeal(
                        interest,
                        quality,
                        truth.CreatorQuality.GetValueOrDefault(item.CreatorId, 0.6f),
                        truth.SoundAppeal.GetValueOrDefault(item.SoundId, 1f),
                        item.Language is null || item.Language == person.Profile.Language);
                    var reaction = EngagementModel.React(appeal, quality, truth.CreatorQuality.GetValueOrDefault(item.CreatorId, 0.6f), person.Follows.Contains(item.CreatorId), random);
                    if (reaction.Followed)
                    {
                        person.Follows.Add(item.CreatorId);
                    }

                    events.Add(new IncomingEvent(person.Profile.Id, item.VideoId, "impression", At: now));
                    events.Add(new IncomingEvent(person.Profile.Id, item.VideoId, reaction.Skipped ? "skip" : "watch", reaction.WatchFraction, now));
                    AddIf(reaction.Liked, "like");
                    AddIf(reaction.Shared, "share");
                    AddIf(reaction.Commented, "comment");
                    AddIf(reaction.Followed, "follow");
                    AddIf(reaction.NotInterested, "notInterested");
                    AddIf(reaction.Reported, "report");

                    shown[b]++;
                    watch[b] += reaction.WatchFraction;
                    likes[b] += reaction.Liked ? 1 : 0;
                    positives[b] += reaction.IsPositive ? 1 : 0;
                    if (reaction.Liked && person.Interests[theme] > 0 && firstInterestLike[u] is null)
                    {
                        firstInterestLike[u] = b + 1;
                    }

                    void AddIf(bool happened, string kind)
                    {
                        if (happened)
                        {
                            events.Add(new IncomingEvent(person.Profile.Id, item.VideoId, kind, At: now));
                        }
                    }
                }

                var result = await ingestor.IngestAsync(events, ct: ct);
                ingested += result.Accepted;
                progress?.Report(100.0 * (b * people.Count + u + 1) / (options.Batches * people.Count));
            }
        }

        var reached = firstInterestLike.Where(f => f is not null).Select(f => (double)f!.Value).ToList();
        var report = new SimulationReport(
            time.GetUtcNow().UtcDateTime,
            snapshot.Model.Version,
            rules.Active.Version,
            people.Count,
            options.Batches,
            positives.Select(p => Math.Round(p / people.Count, 4)).ToArray(),
            likes.Zip(shown, (l, s) => s == 0 ? 0 : Math.Round(l / s, 4)).ToArray(),
            watch.Zip(shown, (w, s) => s == 0 ? 0 : Math.Round(w / s, 4)).ToArray(),
            reached.Count == 0 ? double.NaN : Math.Round(reached.Average(), 3),
            Math.Round((double)reached.Count / people.Count, 4),
            snapshot.Availability.ServableCount == 0 ? 0 : Math.Round((double)served.Count / snapshot.Availability.ServableCount, 4),
            Math.Round(sequences.Where(s => s.Count > 0).Select(s => RankingMetrics.RepetitionRate(s, 16)).DefaultIfEmpty().Average(), 4),
            violations,
            ingested,
            clock.Elapsed);
        await SaveAsync(report, requestedBy, ct);
        return report;
    }

    /// <summary>
    /// A counterfactual A/B test in simulation, with no side effects: the same generated users (same hidden interests,
    /// same random stream) take <paramref name="batches"/> batches from each model in turn, on in-memory state only —
    /// nothing is registered, ingested or logged. Unlike offline metrics on logged events, which favour the model that
    /// chose what was logged, this compares models on equal terms. Returns null when the world has no hidden truth.
    /// </summary>
    public async Task<SimulatedComparison?> CompareAsync(
        CatalogSnapshot catalog,
        Events.EngagementSnapshot engagement,
        IReadOnlyList<(string Name, Training.RecommenderModel Model)> models,
        int userCount,
        int batches,
        int seed,
        Microsoft.Extensions.Options.IOptions<FeedOptions> feedOptions,
        CancellationToken ct = default)
    {
        WorldTruth truth;
        try
        {
            truth = await LoadTruthAsync(catalog, ct);
        }
        catch (WorldTruthMissingException)
        {
            return null;
        }

        var settings = feedOptions.Value;
        var activeRules = rules.TryGetActive() ?? new ActiveDiversityRules(0, new DiversityRules(), "default", "default", DateTime.UnixEpoch);
        var now = time.GetUtcNow().UtcDateTime;
        var positives = new Dictionary<string, double>();
        var likeRates = new Dictionary<string, double>();
        foreach (var (name, model) in models)
        {
            var snapshot = new ServingSnapshot(catalog, model, engagement, VideoAvailability.From(catalog));
            var random = SeededRandom.For(seed, "comparison");
            double total = 0, likes = 0, shown = 0;
            for (var u = 0; u < userCount; u++)
            {
                ct.ThrowIfCancellationRequested();
                var language = WorldGeography.PickLanguage(random);
                var profile = new UserProfile(-1 - u, language, WorldGeography.PickCountry(language, random), WorldGeography.PickDevice(random), true, now);
                var interests = new float[ThemeCatalog.All.Count];
                var count = random.NextDouble() switch { < 0.3 => 1, < 0.75 => 2, _ => 3 };
                for (var k = 0; k < count; k++)
                {
                    interests[random.Next(interests.Length)] = k == 0 ? 1f : (float)(0.35 + 0.6 * random.NextDouble());
                }

                var state = new UserState(profile.Id, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours);
                var reactions = SeededRandom.For(seed * 7_919 + u, "reactions");
                var follows = new HashSet<int>();
                for (var b = 0; b < batches; b++)
                {
                    var at = now.AddSeconds(b * 60);
                    var requestId = new Guid(u, (short)b, 0, [1, 2, 3, 4, 5, 6, 7, 8]);
                    var batch = feed.Build(profile, state, snapshot, activeRules, new FeedRequest(profile.Id, Mode: FeedMode.Sandbox, RequestId: requestId), at, log: false);
                    foreach (var item in batch.Items)
                    {
                        var video = catalog.IndexOf(item.VideoId);
                        var (theme, quality) = truth.Videos[video];
                        var max = interests.Max();
                        var interest = Math.Max(EngagementModel.BaselineInterest, interests[theme] / max);
                        var creatorQuality = truth.CreatorQuality.GetValueOrDefault(item.CreatorId, 0.6f);
                        var appeal = EngagementModel.Appeal(interest, quality, creatorQuality, truth.SoundAppeal.GetValueOrDefault(item.SoundId, 1f), item.Language is null || item.Language == language);
                        var reaction = EngagementModel.React(appeal, quality, creatorQuality, follows.Contains(item.CreatorId), reactions);
                        var atMs = UtcDateTimeConverter.ToUnixMilliseconds(at);
                        lock (state.Gate)
                        {
                            state.Apply(0, item.VideoId, reaction.Skipped ? EngagementKind.Skip : EngagementKind.Watch, reaction.WatchFraction, atMs, catalog);
                            if (reaction.Liked)
                            {
                                state.Apply(0, item.VideoId, EngagementKind.Like, null, atMs, catalog);
                            }

                            if (reaction.Shared)
                            {
                                state.Apply(0, item.VideoId, EngagementKind.Share, null, atMs, catalog);
                            }

                            if (reaction.Followed)
                            {
                                follows.Add(item.CreatorId);
                                state.Apply(0, item.VideoId, EngagementKind.Follow, null, atMs, catalog);
                            }

                            if (reaction.NotInterested)
                            {
                                state.Apply(0, item.VideoId, EngagementKind.NotInterested, null, atMs, catalog);
                            }
                        }

                        total += reaction.IsPositive ? 1 : 0;
                        likes += reaction.Liked ? 1 : 0;
                        shown++;
                    }
                }
            }

            positives[name] = Math.Round(total / Math.Max(1, userCount * batches), 4);
            likeRates[name] = shown == 0 ? 0 : Math.Round(likes / shown, 4);
        }

        return new SimulatedComparison(userCount, batches, positives, likeRates);
    }

    /// <summary>The stored reports, newest first.</summary>
    public async Task<IReadOnlyList<(long Id, SimulationReport Report, string RequestedBy)>> HistoryAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var runs = await db.SimulationRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return runs.Select(r => (r.Id, JsonSerializer.Deserialize<SimulationReport>(r.ReportJson, Json)!, r.RequestedBy)).ToList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private async Task SaveAsync(SimulationReport report, string requestedBy, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.SimulationRuns.Add(new SimulationRun
        {
            At = new DateTime(report.At.Ticks - report.At.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc),
            ModelVersion = report.ModelVersion,
            Users = report.Users,
            Batches = report.Batches,
            RequestedBy = requestedBy,
            ReportJson = JsonSerializer.Serialize(report, Json),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creators or sounds repeated within a batch beyond what the relaxed rules allowed, and videos shown twice.</summary>
    private static int Violations(FeedBatch batch, HashSet<int> seen)
    {
        var violations = batch.Items.Count(i => seen.Contains(i.VideoId));
        if (!batch.Relaxed.Contains(nameof(DiversityRules.MaxPerCreator)))
        {
            violations += batch.Items.GroupBy(i => i.CreatorId).Sum(g => Math.Max(0, g.Count() - 1));
        }

        if (!batch.Relaxed.Contains(nameof(DiversityRules.MaxPerSound)))
        {
            violations += batch.Items.GroupBy(i => i.SoundId).Sum(g => Math.Max(0, g.Count() - 1));
        }

        return violations;
    }

    private async Task<WorldTruth> LoadTruthAsync(CatalogSnapshot catalog, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var videos = await db.VideoTruths.AsNoTracking().ToDictionaryAsync(t => t.VideoId, ct);
        if (videos.Count == 0)
        {
            throw new WorldTruthMissingException();
        }

        var byIndex = new (int Theme, float Quality)[catalog.Count];
        for (var v = 0; v < catalog.Count; v++)
        {
            byIndex[v] = videos.TryGetValue(catalog.VideoIds[v], out var t) ? (t.Theme, t.Quality) : (0, 0.5f);
        }

        var creators = await db.CreatorTruths.AsNoTracking().ToDictionaryAsync(t => t.CreatorId, t => t.Quality, ct);
        var sounds = await db.SoundTruths.AsNoTracking().ToDictionaryAsync(t => t.SoundId, t => t.Appeal, ct);
        return new WorldTruth(byIndex, creators, sounds);
    }

    private sealed record WorldTruth((int Theme, float Quality)[] Videos, Dictionary<int, float> CreatorQuality, Dictionary<int, float> SoundAppeal);

    private sealed record SimulatedUser(UserProfile Profile, float[] Interests, HashSet<int> Follows)
    {
        public HashSet<int> Seen { get; } = [];
    }
}
