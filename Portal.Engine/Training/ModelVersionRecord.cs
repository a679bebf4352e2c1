using System.Text.Json;

namespace Portal.Engine.Training;

/// <summary>A model version in the registry: its manifest in the database, its artifacts on disk (and, when shared, a copy in <see cref="ModelArtifactFile"/> rows).</summary>
public sealed class ModelVersionRecord
{
    public int Id { get; set; }

    /// <summary><c>v{Id}</c>.</summary>
    public string Version { get; set; } = "";

    public ModelStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>What started the run: schedule, manual, cli, first-start.</summary>
    public string Trigger { get; set; } = "";

    public string? RequestedBy { get; set; }

    public DateTime? DataFrom { get; set; }

    public DateTime? DataTo { get; set; }

    public long Events { get; set; }

    public int Videos { get; set; }

    public int Users { get; set; }

    public string StepsJson { get; set; } = "[]";

    public string MetricsJson { get; set; } = "{}";

    public string ArtifactPath { get; set; } = "";

    public DateTime? PromotedAt { get; set; }

    public string? PromotedBy { get; set; }

    /// <summary>Why it was promoted or not, in words.</summary>
    public string? Decision { get; set; }

    public string? Error { get; set; }

    /// <summary>The metrics as stored (<c>full.ndcg@10</c>, <c>simulated.full.positives_per_batch</c>, ...); empty when unreadable.</summary>
    public IReadOnlyDictionary<string, double> ReadMetrics()
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, double>>(string.IsNullOrEmpty(MetricsJson) ? "{}" : MetricsJson, ModelStore.Json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, double>();
        }
    }

    /// <summary>Each step of the run that made it and how long it took; empty when unreadable.</summary>
    public IReadOnlyList<TrainingStep> ReadSteps()
    {
        try
        {
            return JsonSerializer.Deserialize<List<TrainingStep>>(string.IsNullOrEmpty(StepsJson) ? "[]" : StepsJson, ModelStore.Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
