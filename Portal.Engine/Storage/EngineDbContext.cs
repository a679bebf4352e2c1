using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Clustering;
using Portal.Engine.Diversity;
using Portal.Engine.Evaluation;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Moderation;
using Portal.Engine.Synthetic;
using Portal.Engine.Training;

namespace Portal.Engine.Storage;

/// <summary>
/// The engine's own schema: catalog, users, events and what the engine derives from them. The same model runs on
/// SQLite and PostgreSQL; each provider has its own context type (<see cref="SqliteEngineDbContext"/>,
/// <see cref="PostgresEngineDbContext"/>) only so that each keeps its own migrations.
/// </summary>
public abstract class EngineDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Video> Videos => Set<Video>();

    public DbSet<Creator> Creators => Set<Creator>();

    public DbSet<Sound> Sounds => Set<Sound>();

    public DbSet<Hashtag> Hashtags => Set<Hashtag>();

    public DbSet<VideoHashtag> VideoHashtags => Set<VideoHashtag>();

    public DbSet<AppUser> Users => Set<AppUser>();

    public DbSet<EngagementEvent> Events => Set<EngagementEvent>();

    public DbSet<EventDailyCount> EventDailyCounts => Set<EventDailyCount>();

    public DbSet<IngestKey> IngestKeys => Set<IngestKey>();

    public DbSet<ServedBatch> ServedBatches => Set<ServedBatch>();

    public DbSet<DiversityRulesVersion> DiversityRules => Set<DiversityRulesVersion>();

    public DbSet<ModelVersionRecord> ModelVersions => Set<ModelVersionRecord>();

    public DbSet<ModelArtifactFile> ModelArtifactFiles => Set<ModelArtifactFile>();

    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();

    public DbSet<TrainingSchedule> TrainingSchedules => Set<TrainingSchedule>();

    public DbSet<ClusterLabel> ClusterLabels => Set<ClusterLabel>();

    public DbSet<ModerationChange> ModerationChanges => Set<ModerationChange>();

    public DbSet<SimulationRun> SimulationRuns => Set<SimulationRun>();

    public DbSet<WorldRecord> Worlds => Set<WorldRecord>();

    public DbSet<VideoTruth> VideoTruths => Set<VideoTruth>();

    public DbSet<CreatorTruth> CreatorTruths => Set<CreatorTruth>();

    public DbSet<SoundTruth> SoundTruths => Set<SoundTruth>();

    public DbSet<UserInterest> UserInterests => Set<UserInterest>();

    public DbSet<SharedVersion> SharedVersions => Set<SharedVersion>();

    public DbSet<Lease> Leases => Set<Lease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly, type => type.Namespace == typeof(EngineDbContext).Namespace + ".Configurations");

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateOnly>().HaveConversion<DayNumberConverter>();
    }
}
