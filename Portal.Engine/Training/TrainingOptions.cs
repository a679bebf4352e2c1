using System.ComponentModel.DataAnnotations;

namespace Portal.Engine.Training;

/// <summary>How the training pipeline runs and how the model registry keeps versions. Section <c>Engine:Training</c>.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Engine:Training";

    /// <summary>Where model versions are stored, one folder each.</summary>
    [Required]
    public string ArtifactsPath { get; set; } = "data/models";

    /// <summary>
    /// Keep a copy of every version's files in the database, so that every instance on one database can load a version
    /// any of them trained and a damaged local copy heals. Null (the default) means on for PostgreSQL, off for SQLite.
    /// </summary>
    public bool? ShareArtifactsThroughDatabase { get; set; }

    /// <summary>Dimension of the content vectors (principal components of the TF-IDF text features).</summary>
    [Range(8, 256)]
    public int ContentDimension { get; set; } = 64;

    /// <summary>Video clusters; 0 chooses k by the simplified silhouette among 16, 24, 32, 40 and 48.</summary>
    [Range(0, 500)]
    public int VideoClusters { get; set; }

    /// <summary>User clusters; 0 means √(users / 50), between 4 and 24.</summary>
    [Range(0, 200)]
    public int UserClusters { get; set; }

    /// <summary>ALS factors.</summary>
    [Range(4, 256)]
    public int Factors { get; set; } = 64;

    [Range(1, 100)]
    public int AlsIterations { get; set; } = 12;

    [Range(0.0, 100.0)]
    public double AlsRegularization { get; set; } = 0.05;

    /// <summary>Confidence per unit of positive engagement weight.</summary>
    [Range(0.0, 1_000.0)]
    public double AlsAlpha { get; set; } = 10;

    /// <summary>Confidence per unit of negative engagement weight (skip, not interested, report).</summary>
    [Range(0.0, 1_000.0)]
    public double AlsNegativeAlpha { get; set; } = 5;

    /// <summary>Fewest logged impressions needed to train the learned ranker; below that the heuristic ranker serves.</summary>
    [Range(100, 10_000_000)]
    public int RankerMinimumRows { get; set; } = 2_000;

    /// <summary>Most logged impressions the ranker trains on (the latest).</summary>
    [Range(1_000, 10_000_000)]
    public int RankerMaximumRows { get; set; } = 200_000;

    /// <summary>Share of the latest events held out for evaluation; the model trains on the rest. 0 skips evaluation.</summary>
    [Range(0.0, 0.5)]
    public double HoldoutShare { get; set; } = 0.05;

    /// <summary>Test users evaluated (a sample of those with held-out positives).</summary>
    [Range(10, 100_000)]
    public int EvaluationUsers { get; set; } = 500;

    /// <summary>A new version is promoted automatically when its NDCG@10 is at least the active one's minus this.</summary>
    [Range(0.0, 1.0)]
    public double PromotionTolerance { get; set; } = 0.01;

    /// <summary>Simulated users in the counterfactual A/B that decides promotion on generated worlds (0 turns it off).</summary>
    [Range(0, 100_000)]
    public int SimulationUsers { get; set; } = 100;

    /// <summary>Batches each simulated user takes from each model.</summary>
    [Range(1, 100)]
    public int SimulationBatches { get; set; } = 6;

    /// <summary>A new version is promoted when its simulated positives per batch are at least the active one's times (1 − this).</summary>
    [Range(0.0, 1.0)]
    public double SimulationTolerance { get; set; } = 0.03;

    /// <summary>Promote automatically at all; off means every version waits for staff.</summary>
    public bool AutoPromote { get; set; } = true;

    /// <summary>How many trained versions keep their artifacts (besides the active one and those the served log still references).</summary>
    [Range(1, 1_000)]
    public int KeepVersions { get; set; } = 10;

    /// <summary>How long the served log is kept, in days; versions it references within that time are never pruned.</summary>
    [Range(1, 3_650)]
    public int ServedLogRetentionDays { get; set; } = 30;

    public int Seed { get; set; } = 1;

    /// <summary>A run whose heartbeat is older than this, in minutes, is taken for interrupted and marked failed at start.</summary>
    [Range(0, 24 * 60)]
    public int StaleRunMinutes { get; set; } = 10;

    /// <summary>
    /// How long, in seconds, the training lease lasts without renewal. A run holds the lease (one run at a time across
    /// every instance on the database), renewing it every quarter of this (at most every 15 seconds); a lease whose
    /// holder stopped renewing (its process died) can be taken over once it expires.
    /// </summary>
    [Range(10, 3_600)]
    public int LeaseSeconds { get; set; } = 60;
}
