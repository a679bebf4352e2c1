using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Clustering;
using Portal.Engine.Evaluation;

namespace Portal.Engine.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>The training pipeline, the model store and registry (and their database copy of artifacts), offline evaluation, live progress, the run history and schedules, and the read side of clusters.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelArtifactShare>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<TrainingProgress>();
        services.AddSingleton<OfflineEvaluator>();
        services.AddSingleton<Simulator>();
        services.AddSingleton<TrainingPipeline>();
        services.AddSingleton<TrainingHistory>();
        services.AddSingleton<TrainingScheduleStore>();
        services.AddSingleton<ClusterInsights>();
        return services;
    }
}
