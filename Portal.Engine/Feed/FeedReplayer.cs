using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Moderation;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Engine.Feed;

/// <summary>
/// Rebuilds a logged request to check that it reproduces: the same request id (which seeds every random choice), the
/// model version and rules version it recorded, the user's state as it was (their events up to the recorded watermark
/// and the batches served before it), the engagement statistics as of the recorded event watermark, and what
/// moderation allowed at that moment. Items are compared position by position.
/// </summary>
public sealed class FeedReplayer(
    IDbContextFactory<EngineDbContext> contexts,
    ServingState serving,
    UserStateStore states,
    DiversityRulesStore rules,
    ModelStore models,
    EngagementSnapshotBuilder engagements,
    CatalogModeration moderation,
    FeedService feed)
{
    public async Task<ReplayResult?> ReplayAsync(Guid requestId, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        ServedBatch? row;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            row = await db.ServedBatches.AsNoTracking().SingleOrDefaultAsync(b => b.RequestId == requestId, ct);
        }

        if (row is null)
        {
            return null;
        }

        var logged = ServedLogQueries.Detail(row);
        ReplayResult Fail(string problem) => new(logged, null, false, [], problem, clock.Elapsed);

        var current = serving.Current;
        var catalog = current.Catalog;
        var rulesVersion = await rules.GetVersionAsync(row.RulesVersion, ct);
        if (rulesVersion is null)
        {
            return Fail($"Rules version {row.RulesVersion} is not in the history.");
        }

        RecommenderModel model;
        if (row.ModelVersion == "baseline")
        {
            model = ServingState.BuildBaselineModel(catalog);
        }
        else
        {
            ModelVersionRecord? record;
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                record = await db.ModelVersions.AsNoTracking().SingleOrDefaultAsync(m => m.Version == row.ModelVersion, ct);
            }

            if (record is null || record.Status is ModelStatus.Pruned or ModelStatus.Failed)
            {
                return Fail($"Model {row.ModelVersion} is no longer kept, so the request cannot be rebuilt.");
            }

            try
            {
                model = await models.LoadAsync(record, catalog, ct);
            }
            catch (InvalidDataException ex)
            {
                return Fail($"Model {row.ModelVersion} could not be loaded: {ex.Message}");
            }
        }

        var engagement = await engagements.BuildAsync(catalog, row.EventWatermark, row.At, ct);
        var availability = await moderation.AvailabilityAtAsync(catalog, current.Availability, row.At, ct);
        var snapshot = new ServingSnapshot(catalog, model, engagement, availability);
        var state = await states.LoadAsync(row.UserId, catalog, row.UserEventWatermark, (row.At, row.Id), ct);
        var context = logged.Context;
        DeviceTypes.TryParse(context.Device, out var device);
        var profile = new UserProfile(row.UserId, context.Language, context.Country, device, context.Personalized, row.At);
        var replayed = feed.Build(
            profile,
            state,
            snapshot,
            rulesVersion,
            new FeedRequest(row.UserId, new RequestContext(device, context.Country), FeedMode.Replay, row.RequestId),
            row.At,
            log: false,
            ranker: null);

        var differences = new List<ReplayDifference>();
        var positions = Math.Max(logged.Items.Count, replayed.Items.Count);
        for (var i = 0; i < positions; i++)
        {
            int? before = i < logged.Items.Count ? logged.Items[i].VideoId : null;
            int? after = i < replayed.Items.Count ? replayed.Items[i].VideoId : null;
            if (before != after)
            {
                differences.Add(new ReplayDifference(i + 1, before, after));
            }
        }

        return new ReplayResult(logged, replayed, differences.Count == 0, differences, null, clock.Elapsed);
    }
}
