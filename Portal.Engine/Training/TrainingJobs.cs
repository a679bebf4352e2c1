namespace Portal.Engine.Training;

/// <summary>The names of the background jobs whose runs <see cref="TrainingRun"/> records and whose schedules <see cref="TrainingSchedule"/> keeps.</summary>
public static class TrainingJobs
{
    /// <summary>The full training pipeline.</summary>
    public const string Retrain = "retrain";

    /// <summary>The rebuild of the engagement statistics (popularity, trending, co-engagement) from the events stored so far.</summary>
    public const string PopularityRefresh = "popularity-refresh";

    public static IReadOnlyList<string> All { get; } = [Retrain, PopularityRefresh];

    /// <summary>The name staff read: "Retrain the model", "Refresh popularity".</summary>
    public static string DisplayName(string job) => job switch
    {
        Retrain => "Retrain the model",
        PopularityRefresh => "Refresh popularity",
        _ => job,
    };
}
