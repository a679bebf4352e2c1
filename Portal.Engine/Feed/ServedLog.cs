using System.Text.Json;
using Portal.Engine.Ranking;
using Portal.Engine.Storage;

namespace Portal.Engine.Feed;

/// <summary>
/// Writes every batch (served, previewed, sandboxed) to the served log through the write queue, without making the
/// request wait: the queue commits within milliseconds. A crash can lose at most what was queued in that window.
/// </summary>
public sealed class ServedLog(WriteQueue writes)
{
    public void Append(FeedBatch batch)
    {
        var row = ToRow(batch);
        writes.Post((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "ServedBatches" ("RequestId", "UserId", "BatchNumber", "At", "Mode", "ColdStart", "ContextJson", "RulesVersion", "ModelVersion", "EventWatermark", "UserEventWatermark", "VideoIds", "Relaxed", "ItemsJson", "RequestedBy")
                VALUES (@request, @user, @batch, @at, @mode, @cold, @context, @rules, @model, @events, @userEvents, @videos, @relaxed, @items, @by)
                """;
            // EF Core stores a Guid as upper-case text on SQLite and as uuid on PostgreSQL.
            command.AddParameter("request", connection is Microsoft.Data.Sqlite.SqliteConnection ? row.RequestId.ToString().ToUpperInvariant() : row.RequestId);
            command.AddParameter("user", row.UserId);
            command.AddParameter("batch", row.BatchNumber);
            command.AddParameter("at", UtcDateTimeConverter.ToUnixMilliseconds(row.At));
            command.AddParameter("mode", (int)row.Mode);
            command.AddParameter("cold", row.ColdStart);
            command.AddParameter("context", row.ContextJson);
            command.AddParameter("rules", row.RulesVersion);
            command.AddParameter("model", row.ModelVersion);
            command.AddParameter("events", row.EventWatermark);
            command.AddParameter("userEvents", row.UserEventWatermark);
            command.AddParameter("videos", row.VideoIds);
            command.AddParameter("relaxed", row.Relaxed);
            command.AddParameter("items", row.ItemsJson);
            command.AddParameter("by", (object?)row.RequestedBy ?? DBNull.Value);
            command.ExecuteNonQuery();
        }, $"the served log entry of request {row.RequestId}");
    }

    /// <summary>Completes once every batch appended so far is stored.</summary>
    public Task FlushAsync() => writes.FlushAsync();

    public static ServedBatch ToRow(FeedBatch batch) => new()
    {
        RequestId = batch.RequestId,
        UserId = batch.UserId,
        BatchNumber = batch.BatchNumber,
        At = batch.At,
        Mode = batch.Mode,
        ColdStart = batch.ColdStart,
        ContextJson = JsonSerializer.Serialize(
            new ServedContextRecord(batch.Device, batch.Country, batch.Language, batch.Personalized, batch.Ranker, batch.CandidateCount, batch.Blocked, batch.Shortfall),
            ServedLogJson.Default.ServedContextRecord),
        RulesVersion = batch.RulesVersion,
        ModelVersion = batch.ModelVersion,
        EventWatermark = batch.EventWatermark,
        UserEventWatermark = batch.UserEventWatermark,
        VideoIds = string.Join(',', batch.Items.Select(i => i.VideoId)),
        Relaxed = string.Join(',', batch.Relaxed),
        ItemsJson = JsonSerializer.Serialize(batch.Items.Select(ToRecord).ToArray(), ServedLogJson.Default.ServedItemRecordArray),
        RequestedBy = batch.RequestedBy,
    };

    public static ServedItemRecord ToRecord(FeedItem item) => new(
        item.Position,
        item.VideoId,
        item.CreatorId,
        item.SoundId,
        item.Cluster,
        item.ClusterName,
        item.Score,
        item.RankBefore,
        item.Exploration,
        item.Reasons,
        RankingFeatures.Names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i < item.Features.Count ? item.Features[x.i] : 0f),
        item.RuleEffects);
}
