using Microsoft.Data.Sqlite;
using Portal.Engine;
using Portal.Engine.Diversity;
using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Training;

namespace Portal.Cli;

/// <summary><c>train</c>: runs the whole training pipeline once, printing each step, and records a new model version.</summary>
public sealed class TrainVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["db", "models"];
    private static readonly string[] FlagOptions = ["no-promote"];

    public string Name => "train";

    public string Summary => "Train a new model version (content vectors, clusters, ALS, ranker, evaluation) and promote it when it is good enough.";

    public string Usage => $"""
        train [--db PATH] [--models PATH] [--no-promote]

        --db PATH       the engine database file; default from ConnectionStrings:Engine ({StorageOptions.DefaultConnectionString})
        --models PATH   where model versions are stored; default from Engine:Training:ArtifactsPath (data/models)
        --no-promote    record the version but leave the active one serving
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, FlagOptions);
        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } path)
        {
            overrides[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        if (options.Value("models") is { } models)
        {
            overrides[$"{TrainingOptions.SectionName}:ArtifactsPath"] = models;
        }

        if (options.Flag("no-promote"))
        {
            overrides[$"{TrainingOptions.SectionName}:AutoPromote"] = "false";
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await services.GetRequiredService<DiversityRulesStore>().LoadAsync(ct);
        await services.GetRequiredService<ServingState>().ReloadAsync(ct);

        TrainingResult result;
        try
        {
            result = await services.GetRequiredService<TrainingPipeline>().RunAsync("cli", Environment.UserName, line => console.Out.WriteLine(line), ct);
        }
        catch (TrainingAlreadyRunningException ex)
        {
            console.Error.WriteLine(ex.Message);
            return CliExitCodes.Failed;
        }

        console.Out.WriteLine();
        console.Out.WriteLine($"Version {result.Version}: {result.Outcome}.");
        foreach (var step in result.Steps)
        {
            console.Out.WriteLine($"  {step.Name,-22}{step.Seconds,8:0.00} s");
        }

        foreach (var key in new[] { "full.ndcg@10", "active.ndcg@10", "als.ndcg@10", "content.ndcg@10", "popularity.ndcg@10", "als.nonzeros_per_second_per_core", "ranker.auc" })
        {
            if (result.Metrics.TryGetValue(key, out var value))
            {
                console.Out.WriteLine($"  {key,-34}{value,12:0.####}");
            }
        }

        return result.Outcome is TrainingOutcome.Failed or TrainingOutcome.Cancelled ? CliExitCodes.Failed : CliExitCodes.Success;
    }
}
