using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Engine;
using Portal.Engine.Evaluation;
using Portal.Engine.Representation;
using Portal.Engine.Storage;

namespace Portal.Cli;

/// <summary>
/// <c>evaluate</c>: runs an offline protocol on the data in the engine database and prints a table and one JSON line:
/// <c>movielens-stratified</c> (Microsoft Recommenders' MovieLens benchmark, next to their published figures) or
/// <c>time-split</c> (the latest 10 % of events held out).
/// </summary>
public sealed class EvaluateVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["protocol", "db", "k", "seed", "factors", "iterations", "alpha", "regularization"];
    private static readonly string[] FlagOptions = [];
    private static readonly string[] Protocols = [TimeSplitProtocol.Name, MovieLensProtocol.Name];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "evaluate";

    public string Summary => "Evaluate popularity and implicit ALS offline on the database's data (MovieLens benchmark protocol or a time split).";

    public string Usage => $"""
        evaluate [--protocol {string.Join("|", Protocols)}] [--db PATH] [--k 10] [--seed 42]
                 [--factors 64] [--iterations 15] [--alpha X] [--regularization X]

        --protocol NAME       time-split (default): the latest 10 % of events held out, popularity and ALS, on any data;
                              movielens-stratified: Microsoft Recommenders' MovieLens benchmark on imported MovieLens ratings
                              (75/25 split stratified by item), printed next to their published ml-100k figures
        --db PATH             the engine database file; default from ConnectionStrings:Engine ({StorageOptions.DefaultConnectionString})
        --k N                 the length of the ranked lists; default 10
        --seed N              the seed of the split and of ALS; default 42
        --factors N           ALS factors; default 64
        --iterations N        ALS iterations; default 15
        --alpha X             ALS confidence weight; default: time-split the engine's {Defaults.Alpha}, movielens-stratified the best of
                              {string.Join(", ", Grids.AlphaGrid)} on a validation split of the training ratings
        --regularization X    ALS regularization; default: time-split the engine's {Defaults.Regularization}, movielens-stratified the best of
                              {string.Join(", ", Grids.RegularizationGrid)} on the same validation split
        """;

    private static AlsOptions Defaults { get; } = new();

    private static HoldoutOptions Grids { get; } = new();

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, FlagOptions);
        var protocol = options.Value("protocol") ?? TimeSplitProtocol.Name;
        if (!Protocols.Contains(protocol))
        {
            throw new CliUsageException($"Unknown protocol '{protocol}'. Valid protocols: {string.Join(", ", Protocols)}.");
        }

        var seed = options.Int(Name, "seed", 42);
        var alpha = Number(options, "alpha", minimum: 0, exclusive: true);
        var regularization = Number(options, "regularization", minimum: 0, exclusive: false);
        var settings = new HoldoutOptions
        {
            K = Positive(options.Int(Name, "k", 10), "k"),
            Seed = seed,
            Als = new AlsOptions
            {
                Factors = Positive(options.Int(Name, "factors", 64), "factors"),
                Iterations = Positive(options.Int(Name, "iterations", 15), "iterations"),
                Alpha = alpha ?? Defaults.Alpha,
                Regularization = regularization ?? Defaults.Regularization,
                Seed = seed,
            },
            AlphaGrid = alpha is { } a ? [a] : Grids.AlphaGrid,
            RegularizationGrid = regularization is { } r ? [r] : Grids.RegularizationGrid,
        };

        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } path)
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"Database '{path}' does not exist: import a data set into it first (import --format movielens PATH --db {path}).");
            }

            overrides[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var reader = new HoldoutDataReader(services.GetRequiredService<IDbContextFactory<EngineDbContext>>());
        console.Out.WriteLine($"Evaluating {protocol} on {SqliteConnections.FilePath(connectionString) ?? connectionString}, k = {settings.K}, seed {seed}");
        void Log(string line) => console.Out.WriteLine("  " + line);

        HoldoutEvaluation result;
        var comparable = true;
        if (protocol == MovieLensProtocol.Name)
        {
            var (ratings, looksLikeRatings) = await reader.LoadRatingsAsync(ct);
            if (ratings.Count == 0)
            {
                console.Error.WriteLine("The database holds no ratings to evaluate: import MovieLens first (import --format movielens PATH).");
                return CliExitCodes.Failed;
            }

            Log($"{ratings.Count:N0} ratings");
            comparable = looksLikeRatings && settings.K == 10;
            result = await Task.Run(() => MovieLensProtocol.Evaluate(ratings, settings, Log, ct), ct);
            if (settings.K != 10)
            {
                result = result with { Notes = [.. result.Notes, $"the published figures are at k = 10, so they are not shown next to these at k = {settings.K}"] };
            }

            if (!looksLikeRatings)
            {
                result = result with { Notes = [.. result.Notes, "the database's watch events do not look like imported MovieLens ratings (fractions other than rating / 5, or several watches of a video): the figures are not comparable with the published ones"] };
            }
        }
        else
        {
            var (events, videoIds) = await reader.LoadEventsAsync(ct);
            if (events.Count < 2)
            {
                console.Error.WriteLine("The database holds too few events to evaluate: seed a world or import a data set first.");
                return CliExitCodes.Failed;
            }

            Log($"{events.Count:N0} events on {videoIds.Length:N0} videos");
            result = await Task.Run(() => TimeSplitProtocol.Evaluate(events, videoIds.Length, settings, Log, ct), ct);
        }

        Write(result, protocol == MovieLensProtocol.Name && comparable);
        console.Out.WriteLine(JsonSerializer.Serialize(ToJson(result, settings, protocol == MovieLensProtocol.Name && comparable), Json));
        return CliExitCodes.Success;
    }

    private void Write(HoldoutEvaluation result, bool withPublished)
    {
        var o = console.Out;
        var k = result.K;
        o.WriteLine();
        o.WriteLine($"{"Ours (this database, this run)",-34}{"NDCG@" + k,10}{"Prec@" + k,10}{"Recall@" + k,10}{"MAP",10}{"users",8}{"seconds",9}");
        foreach (var m in result.Methods)
        {
            var name = m.Method == "als" ? "implicit ALS" : m.Method;
            o.WriteLine($"  {name,-32}{m.Ndcg,10:0.0000}{m.Precision,10:0.0000}{m.Recall,10:0.0000}{m.Map,10:0.0000}{m.Users,8}{m.Seconds,9:0.00}");
        }

        if (withPublished)
        {
            o.WriteLine();
            o.WriteLine("Published ml-100k figures (theirs, not ours: " + MovieLensPublishedResults.Source + "; their runs, same protocol)");
            foreach (var p in MovieLensPublishedResults.Ml100k)
            {
                o.WriteLine($"  {p.Algorithm,-32}{p.Ndcg,10:0.0000}{p.Precision,10:0.0000}{p.Recall,10:0.0000}{p.Map,10:0.0000}");
            }
        }

        o.WriteLine();
        o.WriteLine("Notes:");
        foreach (var note in result.Notes)
        {
            o.WriteLine("  - " + note);
        }
    }

    private static object ToJson(HoldoutEvaluation result, HoldoutOptions settings, bool withPublished) => new
    {
        protocol = result.Protocol,
        k = result.K,
        seed = settings.Seed,
        trainRows = result.TrainRows,
        testRows = result.TestRows,
        users = result.Users,
        items = result.Items,
        als = new { factors = result.Als.Factors, iterations = result.Als.Iterations, alpha = result.Als.Alpha, regularization = result.Als.Regularization },
        methods = result.Methods.Select(m => new
        {
            method = m.Method,
            ndcg = Math.Round(m.Ndcg, 6),
            precision = Math.Round(m.Precision, 6),
            recall = Math.Round(m.Recall, 6),
            map = Math.Round(m.Map, 6),
            users = m.Users,
            seconds = Math.Round(m.Seconds, 3),
        }),
        published = withPublished
            ? new { source = MovieLensPublishedResults.Source, theirs = true, results = MovieLensPublishedResults.Ml100k }
            : null,
    };

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliUsageException($"Option --{option} of 'evaluate' must be a positive whole number.");

    private static float? Number(CliOptions options, string name, float minimum, bool exclusive)
    {
        var text = options.Value(name);
        if (text is null)
        {
            return null;
        }

        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value) || value < minimum || (exclusive && value == minimum))
        {
            throw new CliUsageException($"Option --{name} of 'evaluate' must be a number {(exclusive ? "above" : "of at least")} {minimum}, not '{text}'.");
        }

        return value;
    }
}
