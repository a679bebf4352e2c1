using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Synthetic;

/// <summary>What the portal does with an empty database on its first start. Section <c>Engine:World</c>.</summary>
public sealed class WorldOptions
{
    public const string SectionName = "Engine:World";

    /// <summary>Generate a world in the background when the engine database holds no videos.</summary>
    public bool SeedOnFirstStart { get; set; } = true;

    /// <summary>The preset generated on first start: tiny, small, demo or large.</summary>
    [Required]
    [AllowedValues("tiny", "small", "demo", "large")]
    public string Preset { get; set; } = "demo";

    /// <summary>The generator's seed; the same seed and preset always give the same world.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>After generating the first-run world, let simulated users take batches and train the first model.</summary>
    public bool TrainOnFirstStart { get; set; } = true;

    /// <summary>Simulated users who take batches before the first training (their impressions teach the ranker).</summary>
    [Range(0, 10_000)]
    public int WarmUpUsers { get; set; } = 150;

    /// <summary>Batches each of them takes.</summary>
    [Range(1, 100)]
    public int WarmUpBatches { get; set; } = 8;
}
