using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Candidates;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Instances;
using Portal.Engine.Ranking;

namespace Portal.Engine.Feed;

public static class FeedServiceCollectionExtensions
{
    /// <summary>The feed loop: catalog and engagement snapshots, user state, candidate sources, rankers, diversity rules, the served log, event ingestion.</summary>
    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.TryAddTimeProvider();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CandidatesOptions>().BindConfiguration(CandidatesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DiversityOptions>().BindConfiguration(DiversityOptions.SectionName);
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<CatalogChanges>();
        services.AddSingleton<CatalogSnapshotLoader>();
        services.AddSingleton<ModerationStates>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<EngagementSnapshotBuilder>();
        services.AddSingleton<ServingState>();
        services.AddSingleton<UserStateStore>();
        services.AddSingleton<DiversityRulesStore>();
        services.AddSingleton<ServedLog>();
        services.AddSingleton<EventIngestor>();

        services.AddSingleton<ICandidateSource, PopularCandidateSource>();
        services.AddSingleton<ICandidateSource, TrendingCandidateSource>();
        services.AddSingleton<ICandidateSource, SimilarContentCandidateSource>();
        services.AddSingleton<ICandidateSource, CreatorCandidateSource>();
        services.AddSingleton<ICandidateSource, CoEngagementCandidateSource>();
        services.AddSingleton<ICandidateSource, ClusterProximityCandidateSource>();
        services.AddSingleton<ICandidateSource, CollaborativeCandidateSource>();
        services.AddSingleton<ICandidateSource, ExplorationCandidateSource>();
        services.AddSingleton<HeuristicRanker>();
        services.AddSingleton<RankerSelector>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<UserQueries>();
        services.AddSingleton<UserInsights>();
        services.AddSingleton<RulesImpactAnalyzer>();
        services.AddSingleton<ServedLogQueries>();
        services.AddSingleton<FeedReplayer>();
        services.AddSingleton<Moderation.CatalogModeration>();
        return services;
    }

    /// <summary>
    /// Loads the engine in the background once the host starts and keeps its snapshots fresh, including changes other
    /// instances on the same database make (<see cref="Instances.InstanceSyncService"/>).
    /// </summary>
    public static IServiceCollection AddServingRefresh(this IServiceCollection services) =>
        services.AddHostedService<ServingRefreshService>().AddInstanceSync();

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
