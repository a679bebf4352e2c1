using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Evaluation;

namespace Portal.Engine.Training;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>The training pipeline, the model store and registry, offline evaluation and live progress.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<TrainingProgress>();
        services.AddSingleton<OfflineEvaluator>();
        services.AddSingleton<TrainingPipeline>();
        return services;
    }
}
