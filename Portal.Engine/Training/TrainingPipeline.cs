using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Clustering;
using Portal.Engine.Diversity;
using Portal.Engine.Evaluation;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;
using Portal.Engine.Representation;
using Portal.Engine.Storage;

namespace Portal.Engine.Training;

/// <summary>
/// Trains a new <see cref="RecommenderModel"/> version, step by step: data (the events before the evaluation cutoff)
/// → content vectors → collaborative factors → video clusters → user clusters → learned ranker → offline evaluation
/// against the baselines and the active version → registry (artifacts, manifest, promotion). One run at a time per
/// process, and across every instance on the database: a run holds the <see cref="LeaseName"/> lease, renewed while it
/// runs. A failed or cancelled run records why, deletes its partial artifacts and leaves the active model serving.
/// </summary>
public sealed class TrainingPipeline(
    IDbContextFactory<EngineDbContext> contexts,
    CatalogSnapshotLoader catalogs,
    EngagementSnapshotBuilder engagements,
    UserDirectory users,
    DiversityRulesStore rules,
    OfflineEvaluator evaluator,
    Simulator simulator,
    IEnumerable<Candidates.ICandidateSource> sources,
    IOptions<FeedOptions> feedOptions,
    IOptions<Candidates.CandidatesOptions> candidateOptions,
    ModelStore store,
    ModelArtifactShare share,
    ModelRegistry registry,
    TrainingProgress progress,
    LeaseStore leases,
    Instances.EngineInstance instance,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    ILogger<TrainingPipeline> log)
{
    private static readonly (string Name, double Start, double End)[] Steps =
    [
        ("data", 0, 8), ("content vectors", 8, 25), ("collaborative factors", 25, 50), ("video clusters", 50, 62),
        ("user clusters", 62, 68), ("ranker", 68, 76), ("evaluation", 76, 95), ("registry", 95, 100),
    ];

    /// <summary>The lease a run holds, so that no two instances on one database train at once.</summary>
    public const string LeaseName = "training";

    private readonly SemaphoreSlim _single = new(1, 1);

    /// <summary>A test hook: throws inside the named step, to check that a failure leaves the active model serving.</summary>
    internal string? FailAtStep { get; set; }

    public bool IsRunning => _single.CurrentCount == 0;

    /// <summary>Runs the whole pipeline. <paramref name="trigger"/> says what started it (schedule, manual, cli, first-start).</summary>
    /// <exception cref="TrainingAlreadyRunningException">Another run is in progress in this process or in another instance.</exception>
    public async Task<TrainingResult> RunAsync(string trigger, string? requestedBy = null, Action<string>? console = null, CancellationToken ct = default)
    {
        if (!await _single.WaitAsync(0, ct))
        {
            throw new TrainingAlreadyRunningException();
        }

        var leaseTime = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        try
        {
            if (!await leases.TryAcquireAsync(LeaseName, instance.Id, leaseTime, ct))
            {
                log.LogInformation("Training not started: another instance holds the training lease");
                throw new TrainingAlreadyRunningException();
            }
        }
        catch
        {
            _single.Release();
            throw;
        }

        var renewEvery = TimeSpan.FromSeconds(Math.Min(15, options.Value.LeaseSeconds / 4.0));
        var renewal = time.CreateTimer(_ => _ = RenewLeaseAsync(leaseTime), null, renewEvery, renewEvery);
        try
        {
            return await RunHoldingLeaseAsync(trigger, requestedBy, console, ct);
        }
        finally
        {
            await renewal.DisposeAsync();
            try
            {
                await leases.ReleaseAsync(LeaseName, instance.Id, CancellationToken.None);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Releasing the training lease failed; it expires by itself");
            }

            _single.Release();
        }
    }

    private async Task RenewLeaseAsync(TimeSpan leaseTime)
    {
        try
        {
            if (!await leases.RenewAsync(LeaseName, instance.Id, leaseTime))
            {
                log.LogError("The training lease was lost (it expired and another instance took it); two runs may overlap");
            }
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Renewing the training lease failed; trying again at the next renewal");
        }
    }

    private async Task<TrainingResult> RunHoldingLeaseAsync(string trigger, string? requestedBy, Action<string>? console, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var steps = new List<TrainingStep>();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var notes = new List<string>();
        var version = await BeginVersionAsync(trigger, requestedBy, ct);
        var runId = await StartRunAsync(trigger, requestedBy, version.Id, ct);
        var directory = store.DirectoryFor(version.Id);
        progress.Start(runId, time.GetUtcNow().UtcDateTime);
        try
        {
            var settings = options.Value;
            var seed = settings.Seed;
            var stepClock = Stopwatch.StartNew();

            void Enter(string step, string? message = null)
            {
                ct.ThrowIfCancellationRequested();
                if (FailAtStep == step)
                {
                    throw new InvalidOperationException($"Simulated failure in the {step} step.");
                }

                var (_, start, _) = Steps.First(s => s.Name == step);
                progress.Report(step, start, message);
                Heartbeat(runId);
                console?.Invoke($"[{start,3:0} %] {step}{(message is null ? "" : ": " + message)}");
                stepClock.Restart();
            }

            void Leave(string step, string? note = null)
            {
                steps.Add(new TrainingStep(step, Math.Round(stepClock.Elapsed.TotalSeconds, 2), note));
                console?.Invoke($"       {step} took {stepClock.Elapsed.TotalSeconds:0.00} s{(note is null ? "" : " — " + note)}");
            }

            void Within(string step, double fraction, string? message = null)
            {
                var (_, start, end) = Steps.First(s => s.Name == step);
                progress.Report(step, start + (end - start) * Math.Clamp(fraction, 0, 1), message);
            }

            // 1. Data: the catalog, the users, and every event; the latest share is held out for evaluation.
            Enter("data");
            if (users.Count == 0)
            {
                await users.LoadAsync(ct);
            }

            var catalog = await catalogs.LoadAsync(ct);
            if (catalog.Count == 0)
            {
                throw new InvalidOperationException("The catalog is empty: there is nothing to train on. Seed a world or import data first.");
            }

            var events = await LoadEventsAsync(catalog, ct);
            var cutoffIndex = settings.HoldoutShare > 0 && events.Count > 100 ? (int)(events.Count * (1 - settings.HoldoutShare)) : events.Count;
            var cutoffMs = cutoffIndex < events.Count ? events[cutoffIndex].AtMs : (events.Count == 0 ? UtcDateTimeConverter.ToUnixMilliseconds(time.GetUtcNow().UtcDateTime) : events[^1].AtMs + 1);
            var train = events.Where(e => e.AtMs < cutoffMs).ToList();
            var test = events.Where(e => e.AtMs >= cutoffMs).ToList();
            var cutoff = UtcDateTimeConverter.FromUnixMilliseconds(cutoffMs);
            Leave("data", $"{events.Count:N0} events, {train.Count:N0} to train on, {test.Count:N0} held out after {cutoff:u}");

            // 2. Content vectors.
            Enter("content vectors", $"{catalog.Count:N0} videos");
            var (vectorizer, content) = await Task.Run(() => MlContentVectorizer.Fit(catalog, settings.ContentDimension, seed), ct);
            using var contentZip = new MemoryStream();
            vectorizer.Save(contentZip);
            Leave("content vectors", $"{content.Dimension} dimensions");

            // 3. Collaborative factors.
            Enter("collaborative factors");
            var userIds = train.Select(e => e.User).Distinct().Order().ToArray();
            var userIndex = userIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var als = new AlsOptions
            {
                Factors = settings.Factors,
                Iterations = settings.AlsIterations,
                Regularization = (float)settings.AlsRegularization,
                Alpha = (float)settings.AlsAlpha,
                NegativeAlpha = (float)settings.AlsNegativeAlpha,
                Seed = seed,
            };
            var matrix = Interactions(train, userIndex, catalog.Count, als);
            var alsSeconds = new List<double>();
            var factors = await Task.Run(
                () => ImplicitAls.Train(matrix, als, it =>
                {
                    alsSeconds.Add(it.Elapsed.TotalSeconds);
                    Within("collaborative factors", (double)it.Iteration / als.Iterations, $"iteration {it.Iteration} of {als.Iterations}");
                }, ct: ct),
                ct);
            var perIteration = alsSeconds.Count == 0 ? 0 : alsSeconds.Average();
            metrics["als.nonzeros"] = matrix.NonZeros;
            metrics["als.seconds_per_iteration"] = Math.Round(perIteration, 4);
            metrics["als.nonzeros_per_second_per_core"] = perIteration <= 0 ? 0 : Math.Round(matrix.NonZeros / perIteration / Environment.ProcessorCount);
            Leave("collaborative factors", $"{matrix.Users:N0} users × {matrix.Items:N0} videos, {matrix.NonZeros:N0} non-zeros, {perIteration:0.000} s per iteration");

            // 4. Video clusters on content and collaborative vectors side by side.
            Enter("video clusters");
            var hasItem = new bool[catalog.Count];
            for (var i = 0; i < matrix.Items; i++)
            {
                hasItem[i] = matrix.ItemStart[i + 1] > matrix.ItemStart[i];
            }

            var clusterDimension = content.Dimension + factors.Factors;
            var clusterRows = new float[catalog.Count * clusterDimension];
            for (var v = 0; v < catalog.Count; v++)
            {
                var row = clusterRows.AsSpan(v * clusterDimension, clusterDimension);
                content.Of(v).CopyTo(row);
                if (hasItem[v])
                {
                    var cf = row[content.Dimension..];
                    factors.Item(v).CopyTo(cf);
                    var norm = TensorPrimitives.Norm(cf);
                    if (norm > 0)
                    {
                        TensorPrimitives.Multiply(cf, 0.5f / norm, cf);
                    }
                }
            }

            var k = settings.VideoClusters;
            if (k == 0)
            {
                var (chosen, scores) = KMeansClustering.ChooseK(clusterRows, clusterDimension, [16, 24, 32, 40, 48], seed, sampleRows: 5_000);
                k = chosen;
                metrics["clusters.silhouette"] = Math.Round(scores.FirstOrDefault(s => s.K == k).Silhouette, 4);
            }

            var (clusterOf, centroids, found) = await Task.Run(() => KMeansClustering.Fit(clusterRows, clusterDimension, k, seed), ct);
            var names = ClusterNamer.Name(catalog, clusterOf, found);
            var inherited = await InheritStaffNamesAsync(version.Id, catalog, clusterOf, found, ct);
            metrics["clusters.k"] = found;
            Leave("video clusters", $"{found} clusters{(inherited > 0 ? $", {inherited} staff names carried over" : "")}");

            // 5. User clusters.
            Enter("user clusters");
            var userClusters = await Task.Run(() => ClusterUsers(train, userIds, userIndex, factors, content, clusterOf, found, settings.UserClusters, seed, names), ct);
            metrics["userclusters.k"] = userClusters.Profiles.Length;
            Leave("user clusters", $"{userClusters.Profiles.Length} clusters of {userIds.Length:N0} users");

            var artifacts = new ModelArtifacts
            {
                Manifest = new ModelManifest(),
                VideoIds = catalog.VideoIds,
                ContentDimension = content.Dimension,
                Content = content.Values,
                ContentModelZip = contentZip.ToArray(),
                ClusterOf = clusterOf,
                ClusterNames = names,
                ClusterCentroids = centroids,
                CentroidDimension = clusterDimension,
                Als = als,
                ItemFactors = factors.ItemFactors,
                HasItem = hasItem,
                UserIds = userIds,
                UserFactors = factors.UserFactors,
                UserClusterDimension = userClusters.Dimension,
                UserCentroids = userClusters.Centroids,
                ClusteredUserIds = [.. userClusters.Assignment.Keys],
                UserClusterOf = [.. userClusters.Assignment.Values],
                UserClusterProfiles = userClusters.Profiles,
                Affinity = userClusters.Affinity,
            };
            var staffNames = await store.StaffNamesAsync(version.Id, ct);
            var model = artifacts.AlignTo(catalog, version.Id, staffNames);
            var upTo = train.Count == 0 ? 0 : train.Max(e => e.Id);
            var engagementAtCutoff = await engagements.BuildAsync(catalog, upTo, cutoff, ct);

            // 6. Learned ranker from logged impressions, their features recomputed with this version (no train/serve skew).
            Enter("ranker");
            var examples = await RankerExamplesAsync(catalog, model, engagementAtCutoff, train, cutoffMs, settings.RankerMaximumRows, ct);
            RankerTraining? ranker = null;
            if (examples.Count >= settings.RankerMinimumRows && examples.Select(e => e.Engaged).Distinct().Count() == 2)
            {
                ranker = await Task.Run(() => RankerTrainer.Train(examples, seed), ct);
                metrics["ranker.rows"] = examples.Count;
                metrics["ranker.positive_rate"] = Math.Round(ranker.PositiveRate, 4);
                if (!double.IsNaN(ranker.TestAuc))
                {
                    metrics["ranker.auc"] = Math.Round(ranker.TestAuc, 4);
                }

                artifacts.RankerZip = ranker.ModelZip;
                model = WithRanker(model, new LearnedRanker(version.Version, ranker.Ensemble, ranker.FeatureImportance));
                Leave("ranker", $"LightGBM on {examples.Count:N0} logged impressions, AUC {ranker.TestAuc:0.000}");
            }
            else
            {
                notes.Add($"No learned ranker: {examples.Count:N0} logged impressions, fewer than the {settings.RankerMinimumRows:N0} needed (or all with one outcome); the heuristic ranker serves.");
                Leave("ranker", $"skipped: {examples.Count:N0} logged impressions (need {settings.RankerMinimumRows:N0})");
            }

            // 7. Evaluation on the held-out events, against the baselines and the version now serving.
            Enter("evaluation");
            var active = await LoadActiveForAsync(catalog, ct) ?? ServingState.BuildBaselineModel(catalog);
            var pipelines = new List<(string Name, RecommenderModel Model)> { ("full", model), ("active", active) };
            if (model.LearnedRanker is not null)
            {
                pipelines.Insert(1, ("full-heuristic", WithoutRanker(model)));
            }

            OfflineEvaluation? evaluation = null;
            SimulatedComparison? simulated = null;
            if (test.Count > 0)
            {
                Within("evaluation", 0.1, "offline metrics on the held-out events");
                evaluation = await Task.Run(
                    () => evaluator.Evaluate(catalog, engagementAtCutoff, train, test, cutoff, model, pipelines, rules.TryGetActive()?.Rules ?? new DiversityRules(), settings.EvaluationUsers, ct),
                    ct);
                foreach (var (key, value) in evaluation.ToDictionary())
                {
                    metrics[key] = Math.Round(value, 5);
                }

                if (settings.SimulationUsers > 0)
                {
                    Within("evaluation", 0.6, "simulated A/B against the active version");
                    simulated = await simulator.CompareAsync(catalog, engagementAtCutoff, pipelines, settings.SimulationUsers, settings.SimulationBatches, seed, feedOptions, ct);
                    foreach (var (name, value) in simulated?.PositivesPerBatch ?? new Dictionary<string, double>())
                    {
                        metrics[$"simulated.{name}.positives_per_batch"] = value;
                    }

                    foreach (var (name, value) in simulated?.LikeRate ?? new Dictionary<string, double>())
                    {
                        metrics[$"simulated.{name}.like_rate"] = value;
                    }
                }

                // Keep the learned ranker only when it beats the heuristic with the same model.
                if (model.LearnedRanker is not null)
                {
                    var (withRanker, withHeuristic, how) = simulated is not null
                        ? (simulated.PositivesPerBatch["full"], simulated.PositivesPerBatch["full-heuristic"], "positive reactions per simulated batch")
                        : (Metric(evaluation, "full"), Metric(evaluation, "full-heuristic"), "NDCG@10");
                    if (!(withRanker >= withHeuristic))
                    {
                        notes.Add($"The learned ranker was not kept: {withRanker:0.000} {how} against {withHeuristic:0.000} for the heuristic ranker with the same model.");
                        artifacts.RankerZip = null;
                        model = WithoutRanker(model);
                        ReplaceFull(metrics, "full-heuristic");
                        if (simulated is not null)
                        {
                            simulated = simulated with { PositivesPerBatch = new Dictionary<string, double>(simulated.PositivesPerBatch) { ["full"] = withHeuristic } };
                        }

                        evaluation = evaluation with { Methods = evaluation.Methods.Where(m => m.Method != "full").Select(m => m.Method == "full-heuristic" ? m with { Method = "full" } : m).ToList() };
                    }
                    else
                    {
                        notes.Add($"The learned ranker was kept: {withRanker:0.000} {how} against {withHeuristic:0.000} for the heuristic ranker.");
                    }
                }

                var simulatedNote = simulated is null ? "" : $"; simulated positives per batch full {simulated.PositivesPerBatch["full"]:0.000}, active {simulated.PositivesPerBatch["active"]:0.000}";
                Leave("evaluation", $"{evaluation.Users} test users; NDCG@10 full {Metric(evaluation, "full"):0.0000}, active ({active.Version}) {Metric(evaluation, "active"):0.0000}, ALS {Metric(evaluation, "als"):0.0000}, popularity {Metric(evaluation, "popularity"):0.0000}{simulatedNote}");
            }
            else
            {
                notes.Add("No evaluation: no events were held out.");
                Leave("evaluation", "skipped: no held-out events");
            }

            // 8. Registry: artifacts, manifest, promotion decision.
            Enter("registry");
            if (ranker is not null)
            {
                foreach (var (feature, gain) in ranker.FeatureImportance)
                {
                    metrics[$"importance.{feature}"] = Math.Round(gain, 4);
                }
            }

            artifacts.Manifest = new ModelManifest
            {
                Version = version.Version,
                CreatedAt = version.CreatedAt,
                DataFrom = events.Count == 0 ? null : UtcDateTimeConverter.FromUnixMilliseconds(events[0].AtMs),
                DataTo = cutoff,
                Events = train.Count,
                Videos = catalog.Count,
                Users = userIds.Length,
                ContentDimension = content.Dimension,
                Factors = factors.Factors,
                VideoClusters = found,
                UserClusters = userClusters.Profiles.Length,
                HasRanker = ranker is not null,
                Steps = steps,
                Metrics = metrics,
                FeatureImportance = ranker?.FeatureImportance.ToDictionary() ?? [],
                Notes = notes,
            };
            await Task.Run(() => artifacts.Save(directory), ct);
            if (share.Enabled)
            {
                // Before the version is marked ready: a version any instance may be asked to serve is in the database whole.
                var (files, bytes) = await share.UploadAsync(version.Id, directory, ct);
                console?.Invoke($"       {files} artifact files ({bytes / 1_048_576.0:0.0} MB) copied to the database");
                log.LogInformation("Model {Version}: {Files} artifact files, {Bytes} bytes, copied to the database", version.Version, files, bytes);
            }

            var (promote, decision) = Decide(evaluation, simulated, active, settings);
            steps.Add(new TrainingStep("registry", Math.Round(stepClock.Elapsed.TotalSeconds, 2), decision));
            await FinishVersionAsync(version.Id, promote ? ModelStatus.Ready : ModelStatus.Rejected, artifacts.Manifest, directory, decision, null, ct);
            if (promote)
            {
                var promotion = await registry.PromoteAsync(version.Id, requestedBy ?? "training pipeline", decision, ct);
                if (!promotion.Succeeded)
                {
                    decision = promotion.Message;
                    promote = false;
                }
            }

            var pruned = await registry.PruneAsync(ct);
            var outcome = promote ? TrainingOutcome.Succeeded : TrainingOutcome.NotPromoted;
            var message = $"{version.Version}: {decision}";
            await FinishRunAsync(runId, outcome, version.Id, message, steps, ct);
            console?.Invoke($"[100 %] {message}{(pruned > 0 ? $" ({pruned} old version(s) pruned)" : "")} — {clock.Elapsed.TotalSeconds:0.0} s in all");
            log.LogInformation("Training run {Run} finished in {Seconds:F1} s: {Message}", runId, clock.Elapsed.TotalSeconds, message);
            return new TrainingResult(runId, version.Id, version.Version, outcome, promote, decision, steps, metrics, evaluation, clock.Elapsed);
        }
        catch (Exception ex)
        {
            var cancelled = ex is OperationCanceledException && ct.IsCancellationRequested;
            var message = cancelled ? "Cancelled; the active model keeps serving." : $"Failed: {ex.Message} The active model keeps serving.";
            log.LogError(ex, "Training run {Run} {Outcome}", runId, cancelled ? "was cancelled" : "failed");
            TryDelete(directory);
            await TryDeleteSharedAsync(version.Id);
            await FinishVersionAsync(version.Id, ModelStatus.Failed, null, "", message, ex.Message, CancellationToken.None);
            await FinishRunAsync(runId, cancelled ? TrainingOutcome.Cancelled : TrainingOutcome.Failed, version.Id, message, steps, CancellationToken.None);
            console?.Invoke(message);
            return new TrainingResult(runId, version.Id, version.Version, cancelled ? TrainingOutcome.Cancelled : TrainingOutcome.Failed, false, message, steps, metrics, null, clock.Elapsed);
        }
        finally
        {
            progress.Finish("done");
        }
    }

    /// <summary>
    /// On a generated world, promote when the new version's simulated positives per batch are at least the active
    /// version's times (1 − tolerance): the counterfactual A/B compares them on equal terms. Elsewhere, when its NDCG@10
    /// on the held-out events is at least the active version's minus the tolerance (offline metrics on logged events
    /// favour the version that chose what was logged, so this bar is the stricter one for a newcomer).
    /// </summary>
    private static (bool Promote, string Decision) Decide(OfflineEvaluation? evaluation, SimulatedComparison? simulated, RecommenderModel active, TrainingOptions settings)
    {
        if (!settings.AutoPromote)
        {
            return (false, "Automatic promotion is off; a member of staff decides.");
        }

        if (simulated is not null && simulated.PositivesPerBatch.TryGetValue("full", out var candidatePositives) && simulated.PositivesPerBatch.TryGetValue("active", out var activePositives))
        {
            var bar = activePositives * (1 - settings.SimulationTolerance);
            return candidatePositives >= bar
                ? (true, $"Promoted: {candidatePositives:0.000} positive reactions per simulated batch against {activePositives:0.000} for {active.Version} (tolerance {settings.SimulationTolerance:P0}).")
                : (false, $"Not promoted: {candidatePositives:0.000} positive reactions per simulated batch, below {activePositives:0.000} for {active.Version} less {settings.SimulationTolerance:P0}.");
        }

        if (evaluation?.For("full") is not { } candidate || evaluation.For("active") is not { } current)
        {
            return active.IsBaseline
                ? (true, "Promoted: nothing could be measured, and a trained model is better than the baseline's hashtag groups.")
                : (false, "Not promoted: nothing could be measured against the active version.");
        }

        var floor = current.Ndcg - settings.PromotionTolerance;
        return candidate.Ndcg >= floor
            ? (true, $"Promoted: NDCG@10 {candidate.Ndcg:0.0000} against {current.Ndcg:0.0000} for {active.Version} (tolerance {settings.PromotionTolerance:0.###}).")
            : (false, $"Not promoted: NDCG@10 {candidate.Ndcg:0.0000} is below {current.Ndcg:0.0000} for {active.Version} minus the tolerance {settings.PromotionTolerance:0.###}.");
    }

    private static void ReplaceFull(Dictionary<string, double> metrics, string with)
    {
        foreach (var key in metrics.Keys.Where(k => k.StartsWith(with + ".", StringComparison.Ordinal) || k.StartsWith($"simulated.{with}.", StringComparison.Ordinal)).ToList())
        {
            var target = key.Replace(with + ".", "full.", StringComparison.Ordinal);
            metrics[target] = metrics[key];
        }
    }

    private static RecommenderModel WithRanker(RecommenderModel model, IRanker ranker) =>
        new(model.Version, model.CreatedAt, model.Content, model.Clusters)
        {
            VersionId = model.VersionId,
            Collaborative = model.Collaborative,
            UserClusters = model.UserClusters,
            LearnedRanker = ranker,
        };

    private static RecommenderModel WithoutRanker(RecommenderModel model) =>
        new(model.Version, model.CreatedAt, model.Content, model.Clusters)
        {
            VersionId = model.VersionId,
            Collaborative = model.Collaborative,
            UserClusters = model.UserClusters,
        };

    private static double Metric(OfflineEvaluation evaluation, string method) => evaluation.For(method)?.Ndcg ?? double.NaN;

    private async Task<RecommenderModel?> LoadActiveForAsync(CatalogSnapshot catalog, CancellationToken ct)
    {
        var record = await store.ActiveRecordAsync(ct);
        if (record is null)
        {
            return null;
        }

        try
        {
            return await store.LoadAsync(record, catalog, ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Every event of a catalog video, oldest first.</summary>
    private async Task<List<EventRow>> LoadEventsAsync(CatalogSnapshot catalog, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT \"Id\", \"UserId\", \"VideoId\", \"Kind\", \"WatchFraction\", \"At\" FROM \"Events\" ORDER BY \"At\", \"Id\"";
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var video = catalog.IndexOf(reader.GetInt32(2));
            if (video >= 0)
            {
                rows.Add(new EventRow(reader.GetInt64(0), reader.GetInt64(1), video, (EngagementKind)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetFloat(4), reader.GetInt64(5)));
            }
        }

        return rows;
    }

    /// <summary>Sums each user–video pair's engagement weights; positive sums are preferences, negative ones confident non-preferences.</summary>
    private static InteractionMatrix Interactions(List<EventRow> train, Dictionary<long, int> userIndex, int videos, AlsOptions als)
    {
        var sums = new Dictionary<long, float>();
        foreach (var e in train)
        {
            var weight = e.Weight;
            if (weight == 0)
            {
                continue;
            }

            var key = ((long)userIndex[e.User] << 32) | (uint)e.Video;
            sums[key] = sums.GetValueOrDefault(key) + weight;
        }

        return InteractionMatrix.From(userIndex.Count, videos, sums.Where(s => s.Value != 0).Select(s =>
        {
            var user = (int)(s.Key >> 32);
            var video = (int)(s.Key & 0xFFFFFFFF);
            return s.Value > 0 ? (user, video, 1f, 1 + als.Alpha * s.Value) : (user, video, 0f, 1 + als.NegativeAlpha * -s.Value);
        }));
    }

    private UserClusterModel ClusterUsers(
        List<EventRow> train, long[] userIds, Dictionary<long, int> userIndex, AlsFactors factors, ContentVectors content,
        int[] videoClusterOf, int videoClusters, int configuredK, int seed, string[] videoClusterNames)
    {
        var dimension = factors.Factors + content.Dimension;
        var interest = new float[userIds.Length * content.Dimension];
        var positives = new double[userIds.Length * videoClusters];
        foreach (var e in train)
        {
            if (e.Weight > 0)
            {
                var u = userIndex[e.User];
                TensorPrimitives.MultiplyAdd(content.Of(e.Video), e.Weight, interest.AsSpan(u * content.Dimension, content.Dimension), interest.AsSpan(u * content.Dimension, content.Dimension));
                positives[u * videoClusters + videoClusterOf[e.Video]] += e.Weight;
            }
        }

        var rows = new float[userIds.Length * dimension];
        for (var u = 0; u < userIds.Length; u++)
        {
            UserClusterModel.UserVector(factors.User(u), interest.AsSpan(u * content.Dimension, content.Dimension)).CopyTo(rows.AsSpan(u * dimension, dimension));
        }

        var k = configuredK > 0 ? configuredK : Math.Clamp((int)Math.Round(Math.Sqrt(userIds.Length / 50.0)), 4, 24);
        k = Math.Min(k, Math.Max(1, userIds.Length));
        var (assignment, centroids, found) = KMeansClustering.Fit(rows, dimension, k, seed);

        // Affinity: each user cluster's share of positive engagement per video cluster, over that video cluster's share overall.
        var clusterTotals = new double[found * videoClusters];
        var overall = new double[videoClusters];
        for (var u = 0; u < userIds.Length; u++)
        {
            for (var c = 0; c < videoClusters; c++)
            {
                clusterTotals[assignment[u] * videoClusters + c] += positives[u * videoClusters + c];
                overall[c] += positives[u * videoClusters + c];
            }
        }

        var grand = overall.Sum();
        var affinity = new float[found * videoClusters];
        for (var uc = 0; uc < found; uc++)
        {
            var rowTotal = 0.0;
            for (var c = 0; c < videoClusters; c++)
            {
                rowTotal += clusterTotals[uc * videoClusters + c];
            }

            for (var c = 0; c < videoClusters; c++)
            {
                var share = rowTotal <= 0 ? 0 : clusterTotals[uc * videoClusters + c] / rowTotal;
                var baseShare = grand <= 0 ? 0 : overall[c] / grand;
                affinity[uc * videoClusters + c] = baseShare <= 0 ? 0 : (float)(share / baseShare);
            }
        }

        var members = new List<long>[found];
        for (var u = 0; u < userIds.Length; u++)
        {
            (members[assignment[u]] ??= []).Add(userIds[u]);
        }

        var profiles = new UserClusterProfile[found];
        for (var uc = 0; uc < found; uc++)
        {
            var people = (members[uc] ?? []).Select(id => users.TryGet(id, out var p) ? p : null).Where(p => p is not null).Select(p => p!).ToList();
            var top = Enumerable.Range(0, videoClusters).OrderByDescending(c => affinity[uc * videoClusters + c]).First();
            profiles[uc] = new UserClusterProfile(
                uc,
                $"fans of {videoClusterNames[top]}",
                members[uc]?.Count ?? 0,
                Shares(people.Select(p => p.Country)),
                Shares(people.Select(p => p.Language)),
                Shares(people.Select(p => DeviceTypes.NameOf(p.Device))));
        }

        var assigned = new Dictionary<long, int>(userIds.Length);
        for (var u = 0; u < userIds.Length; u++)
        {
            assigned[userIds[u]] = assignment[u];
        }

        return new UserClusterModel(dimension, centroids, assigned, profiles, affinity, videoClusters);
    }

    private static List<ShareOf> Shares(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0
            ? []
            : list.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
                .Select(g => new ShareOf(g.Key, Math.Round((double)g.Count() / list.Count, 3))).ToList();
    }

    /// <summary>
    /// Logged impressions (served batches before the cutoff), each with its features recomputed for this version: the
    /// user's state is rebuilt from their events up to the moment the batch was served, the candidate sources run as
    /// they would have, and the served videos' features are taken from that. Features as logged would describe the
    /// model that served them, and the new sources' signals would be zero throughout. An impression is engaged when
    /// the user engaged positively with the video within a day of it being served.
    /// </summary>
    private async Task<List<RankerExample>> RankerExamplesAsync(CatalogSnapshot catalog, RecommenderModel model, EngagementSnapshot engagement, List<EventRow> train, long cutoffMs, int maximum, CancellationToken ct)
    {
        var served = new List<(long User, long AtMs, string VideoIds)>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"UserId\", \"At\", \"VideoIds\" FROM \"ServedBatches\" WHERE \"Mode\" = 0 AND \"At\" < @cutoff ORDER BY \"At\" DESC LIMIT @limit";
            var cutoffParameter = command.CreateParameter();
            cutoffParameter.ParameterName = "cutoff";
            cutoffParameter.Value = cutoffMs;
            command.Parameters.Add(cutoffParameter);
            var limit = command.CreateParameter();
            limit.ParameterName = "limit";
            limit.Value = Math.Max(1, maximum / 8);
            command.Parameters.Add(limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                served.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        if (served.Count == 0)
        {
            return [];
        }

        var eventsByUser = train.GroupBy(e => e.User).ToDictionary(g => g.Key, g => g.ToList());
        var snapshot = new ServingSnapshot(catalog, model, engagement, VideoAvailability.From(catalog));
        var rulesNow = rules.TryGetActive()?.Rules ?? new DiversityRules();
        var settings = feedOptions.Value;
        var candidateSettings = candidateOptions.Value;
        var sourceList = sources.OrderBy(s => s.Kind == Candidates.CandidateSourceKind.Exploration ? 1 : 0).ToArray();
        const long Window = 86_400_000;
        var examples = new List<RankerExample>(served.Count * 8);
        foreach (var group in served.GroupBy(b => b.User))
        {
            ct.ThrowIfCancellationRequested();
            if (!users.TryGet(group.Key, out var profile))
            {
                continue;
            }

            var history = eventsByUser.GetValueOrDefault(group.Key) ?? [];
            var positives = history.Where(e => e.IsPositive).Select(e => (e.Video, e.AtMs)).ToList();
            var state = new UserState(profile.Id, settings.RecentEngagements, settings.AffinityHalfLifeHours, settings.NotInterestedFatigueHours);
            var next = 0;
            foreach (var batch in group.OrderBy(b => b.AtMs))
            {
                while (next < history.Count && history[next].AtMs < batch.AtMs)
                {
                    var e = history[next++];
                    state.Apply(e.Id, catalog.VideoIds[e.Video], e.Kind, e.WatchFraction, e.AtMs, catalog);
                }

                var videoIds = batch.VideoIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var coldStart = state.EngagementCount < settings.ColdStartEngagements;
                var context = new FeedContext(profile, state, snapshot, coldStart ? FeedService.ColdStartRules(rulesNow) : rulesNow, candidateSettings, batch.AtMs, new Primitives.SeededRandom((ulong)batch.AtMs), profile.Device, profile.Country, coldStart);
                var candidates = new Candidates.CandidateSet();
                foreach (var source in sourceList)
                {
                    if (source.AppliesTo(context))
                    {
                        source.Propose(context, candidates);
                    }
                }

                var proposed = candidates.All.ToDictionary(c => c.Video);
                var noScores = new float[Candidates.Candidate.SourceCount];
                foreach (var videoId in videoIds)
                {
                    var video = catalog.IndexOf(videoId);
                    if (video < 0)
                    {
                        continue;
                    }

                    var features = new float[RankingFeatures.Count];
                    FeatureExtractor.Fill(context, video, proposed.TryGetValue(video, out var candidate) ? candidate.SourceScores : noScores, features);
                    var engaged = positives.Any(p => p.Video == video && p.AtMs >= batch.AtMs && p.AtMs <= batch.AtMs + Window);
                    examples.Add(new RankerExample(features, engaged, batch.AtMs));
                }

                state.RecordServed(videoIds.Select(id => catalog.IndexOf(id) is var v and >= 0 ? (id, catalog.CreatorIds[catalog.CreatorOf[v]], catalog.SoundIds[catalog.SoundOf[v]]) : (id, -1, -1)), batch.AtMs);
            }
        }

        return examples;
    }

    /// <summary>Gives the new version's clusters the names staff gave the active version's, by best membership overlap (Jaccard ≥ 0.3).</summary>
    private async Task<int> InheritStaffNamesAsync(int newVersionId, CatalogSnapshot catalog, int[] clusterOf, int k, CancellationToken ct)
    {
        var active = await store.ActiveRecordAsync(ct);
        if (active is null)
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var labels = await db.ClusterLabels.AsNoTracking().Where(l => l.ModelVersionId == active.Id).ToListAsync(ct);
        if (labels.Count == 0)
        {
            return 0;
        }

        ModelArtifacts old;
        try
        {
            old = await store.LoadArtifactsAsync(active, ct);
        }
        catch (InvalidDataException)
        {
            return 0;
        }

        var newMembers = new Dictionary<int, HashSet<int>>();
        for (var v = 0; v < catalog.Count; v++)
        {
            if (!newMembers.TryGetValue(clusterOf[v], out var set))
            {
                newMembers[clusterOf[v]] = set = [];
            }

            set.Add(catalog.VideoIds[v]);
        }

        var carried = 0;
        foreach (var label in labels)
        {
            var oldMembers = old.VideoIds.Where((_, i) => old.ClusterOf[i] == label.Cluster).ToHashSet();
            var best = newMembers
                .Select(m => (Cluster: m.Key, Jaccard: (double)m.Value.Count(oldMembers.Contains) / m.Value.Union(oldMembers).Count()))
                .OrderByDescending(m => m.Jaccard)
                .FirstOrDefault();
            if (best.Jaccard >= 0.3 && best.Cluster < k)
            {
                db.ClusterLabels.Add(new ClusterLabel { ModelVersionId = newVersionId, Cluster = best.Cluster, Name = label.Name, RenamedBy = label.RenamedBy, RenamedAt = label.RenamedAt });
                carried++;
            }
        }

        await db.SaveChangesAsync(ct);
        return carried;
    }

    private void Heartbeat(long runId)
    {
        using var db = contexts.CreateDbContext();
        var now = Now();
        db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdate(s => s.SetProperty(r => r.HeartbeatAt, now));
    }

    private async Task<long> StartRunAsync(string trigger, string? requestedBy, int versionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var run = new TrainingRun { Job = TrainingJobs.Retrain, Trigger = trigger, RequestedBy = requestedBy, StartedAt = Now(), HeartbeatAt = Now(), Outcome = TrainingOutcome.Running, ModelVersionId = versionId };
        db.TrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    private async Task FinishRunAsync(long runId, TrainingOutcome outcome, int? versionId, string message, List<TrainingStep> steps, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.TrainingRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.FinishedAt, Now())
            .SetProperty(r => r.Outcome, outcome)
            .SetProperty(r => r.ModelVersionId, versionId)
            .SetProperty(r => r.Message, message)
            .SetProperty(r => r.StepsJson, JsonSerializer.Serialize(steps, ModelStore.Json)), ct);
    }

    private async Task<ModelVersionRecord> BeginVersionAsync(string trigger, string? requestedBy, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = new ModelVersionRecord { Status = ModelStatus.Training, CreatedAt = Now(), Trigger = trigger, RequestedBy = requestedBy };
        db.ModelVersions.Add(record);
        await db.SaveChangesAsync(ct);
        record.Version = $"v{record.Id}";
        record.ArtifactPath = store.DirectoryFor(record.Id);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task FinishVersionAsync(int id, ModelStatus status, ModelManifest? manifest, string directory, string decision, string? error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.ModelVersions.SingleAsync(m => m.Id == id, ct);
        record.Status = status;
        record.FinishedAt = Now();
        record.Decision = decision;
        record.Error = error;
        if (manifest is not null)
        {
            record.DataFrom = manifest.DataFrom;
            record.DataTo = manifest.DataTo;
            record.Events = manifest.Events;
            record.Videos = manifest.Videos;
            record.Users = manifest.Users;
            record.StepsJson = JsonSerializer.Serialize(manifest.Steps, ModelStore.Json);
            record.MetricsJson = JsonSerializer.Serialize(manifest.Metrics, ModelStore.Json);
            record.ArtifactPath = directory;
        }

        await db.SaveChangesAsync(ct);
    }

    private DateTime Now()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>Deletes a failed version's database copy, if it got that far; a leftover goes at the next start's crash recovery.</summary>
    private async Task TryDeleteSharedAsync(int versionId)
    {
        try
        {
            await share.DeleteAsync(versionId, CancellationToken.None);
        }
        catch (System.Data.Common.DbException ex)
        {
            log.LogWarning(ex, "Could not delete the database copy of the artifacts of failed version {Version}", versionId);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
