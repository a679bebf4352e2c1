using Microsoft.Data.Sqlite;
using Portal.Engine;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Cli;

/// <summary><c>seed</c>: generates a synthetic world and bulk-loads it into the engine database.</summary>
public sealed class SeedVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["preset", "seed", "db"];
    private static readonly string[] FlagOptions = ["force"];

    public string Name => "seed";

    public string Summary => "Generate a synthetic world and load it into the engine database.";

    public string Usage => $"""
        seed [--preset {PresetNames}] [--seed N] [--db PATH] [--force]

        --preset NAME  the world's size: {string.Join(", ", WorldPresets.All.Select(p => $"{p.Name} ({p.Purpose}: {p.Videos:N0} videos, {p.Events:N0} events)"))}; default demo
        --seed N       the generator's seed, a whole number; the same preset and seed make the same world; default 42
        --db PATH      the engine database file; default from ConnectionStrings:Engine ({StorageOptions.DefaultConnectionString})
        --force        replace the world that is already in the database
        """;

    private static string PresetNames => string.Join("|", WorldPresets.All.Select(p => p.Name));

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, FlagOptions);
        var presetName = options.Value("preset") ?? WorldPresets.Demo.Name;
        if (!WorldPresets.TryGet(presetName, out var preset))
        {
            throw new CliUsageException($"Unknown preset '{presetName}'. Valid presets: {string.Join(", ", WorldPresets.All.Select(p => p.Name))}.");
        }

        var seed = options.Int(Name, "seed", 42);
        var force = options.Flag("force");
        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } path)
        {
            overrides[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
        var where = SqliteConnections.FilePath(connectionString) ?? connectionString;

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        console.Out.WriteLine($"Seeding the {preset.Name} world (seed {seed}) into {where}{(force ? ", replacing what is there" : "")}");
        WorldSeedResult result;
        try
        {
            result = await services.GetRequiredService<WorldSeeder>().SeedAsync(preset, seed, force, new SeedProgressPrinter(console.Out), ct: ct);
        }
        catch (WorldAlreadySeededException ex)
        {
            console.Error.WriteLine(ex.Message);
            return CliExitCodes.Failed;
        }

        console.Out.WriteLine();
        console.Out.WriteLine($"Seeded the {result.Preset.Name} world (seed {result.Seed}):");
        WriteCount("videos", result.Videos);
        WriteCount("creators", result.Creators);
        WriteCount("sounds", result.Sounds);
        WriteCount("users", result.Users);
        WriteCount("events", result.Events);
        console.Out.WriteLine($"Generated in {Seconds(result.GenerateTime)}, loaded in {Seconds(result.LoadTime)}.");
        return CliExitCodes.Success;
    }

    private void WriteCount(string what, int count) => console.Out.WriteLine($"  {what,-9}{count,12:N0}");

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.00} s";
}
