using Microsoft.Data.Sqlite;
using Portal.Engine;
using Portal.Engine.Diversity;
using Portal.Engine.Evaluation;
using Portal.Engine.Feed;
using Portal.Engine.Primitives;
using Portal.Engine.Storage;

namespace Portal.Cli;

/// <summary><c>simulate</c>: generated users with hidden interests take batches from the live pipeline and react; prints the learning curve.</summary>
public sealed class SimulateVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["users", "batches", "seed", "db"];

    public string Name => "simulate";

    public string Summary => "Let simulated users with hidden interests take batches from the live pipeline and print the learning curve.";

    public string Usage => $"""
        simulate [--users 100] [--batches 10] [--seed 1] [--db PATH]

        --users N     simulated users to register (1 to 100,000); default 100
        --batches N   batches of 8 each of them takes (1 to 1,000); default 10
        --seed N      the simulation's seed; default 1
        --db PATH     the engine database file (a generated world); default from ConnectionStrings:Engine ({StorageOptions.DefaultConnectionString})
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, []);
        var userCount = options.Int(Name, "users", 100);
        var batches = options.Int(Name, "batches", 10);
        if (userCount is < 1 or > 100_000)
        {
            throw new CliUsageException("Option --users of 'simulate' must be between 1 and 100,000.");
        }

        if (batches is < 1 or > 1_000)
        {
            throw new CliUsageException("Option --batches of 'simulate' must be between 1 and 1,000.");
        }

        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } path)
        {
            overrides[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await services.GetRequiredService<DiversityRulesStore>().LoadAsync(ct);
        await services.GetRequiredService<ServingState>().ReloadAsync(ct);

        SimulationReport report;
        var last = -10.0;
        try
        {
            report = await services.GetRequiredService<Simulator>().RunAsync(
                new SimulationOptions(userCount, batches, options.Int(Name, "seed", 1)),
                new SynchronousProgress<double>(p =>
                {
                    if (p - last >= 10 || p >= 100)
                    {
                        last = p;
                        console.Out.WriteLine($"{p,5:0} %");
                    }
                }),
                "cli",
                ct);
        }
        catch (WorldTruthMissingException ex)
        {
            console.Error.WriteLine(ex.Message);
            return CliExitCodes.Failed;
        }

        await services.GetRequiredService<ServedLog>().FlushAsync();
        console.Out.WriteLine();
        console.Out.WriteLine($"{report.Users} users × {report.Batches} batches on model {report.ModelVersion}, rules v{report.RulesVersion}, in {report.Elapsed.TotalSeconds:0.0} s");
        console.Out.WriteLine("batch  positives/batch  like rate  watch fraction");
        for (var b = 0; b < report.Batches; b++)
        {
            console.Out.WriteLine($"{b + 1,5}  {report.PositivesPerBatch[b],15:0.000}  {report.LikeRatePerBatch[b],9:0.000}  {report.WatchFractionPerBatch[b],14:0.000}");
        }

        console.Out.WriteLine($"Batches until a hidden interest first got a like: {report.MeanBatchesToFirstInterestLike:0.00} (reached by {report.ShareReachingInterest:P0} of users)");
        console.Out.WriteLine($"Catalog coverage {report.Coverage:P1}, repetition rate {report.RepetitionRate:P1}, rule violations {report.RuleViolations}, events ingested {report.EventsIngested:N0}");
        return CliExitCodes.Success;
    }
}
