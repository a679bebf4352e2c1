using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Engine;
using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Primitives;
using Portal.Engine.Representation;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Cli;

/// <summary>
/// <c>bench</c>: measures the engine in process on a generated world and prints one JSON line per figure
/// (median, p99 and max where they apply, sizes and the machine): NextBatch latency for warm users (state in memory)
/// and for brand-new users, the first-use load of a user's state, and durable ingestion of batches of 1,000 events.
/// </summary>
public sealed class BenchVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["preset", "seed", "db", "requests", "users", "new-users", "ingest-batches", "ingest-clients", "als-nonzeros"];
    private static readonly string[] FlagOptions = ["reseed"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "bench";

    public string Summary => "Measure feed latency and event ingestion in process and print the figures as JSON lines.";

    public string Usage => """
        bench [--preset large] [--seed 42] [--db PATH] [--requests 20000] [--users 2000] [--new-users 1000]
              [--ingest-batches 200] [--ingest-clients 4] [--als-nonzeros 2000000] [--reseed]

        --preset NAME         the world to measure on (generated into the database when it holds another one); default large
        --seed N              the world's seed; default 42
        --db PATH             the database to use; default data/bench-PRESET.db (never the portal's own database)
        --requests N          timed NextBatch calls for warm users; default 20000
        --users N             how many existing users the warm calls spread over; default 2000
        --new-users N         brand-new users, each asking for a first batch; default 1000
        --ingest-batches N    batches of 1,000 events to ingest; default 200
        --ingest-clients N    how many send batches at once; default 4
        --als-nonzeros N      non-zeros of the interaction matrix the ALS figure trains on (64 factors); default 2000000
        --reseed              generate the world again even if the database holds it
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, FlagOptions);
        var presetName = options.Value("preset") ?? WorldPresets.Large.Name;
        if (!WorldPresets.TryGet(presetName, out var preset))
        {
            throw new CliUsageException($"Unknown preset '{presetName}'. Valid presets: {string.Join(", ", WorldPresets.All.Select(p => p.Name))}.");
        }

        var seed = options.Int(Name, "seed", 42);
        var requests = Positive(options.Int(Name, "requests", 20_000), "requests");
        var userCount = Positive(options.Int(Name, "users", 2_000), "users");
        var newUsers = Positive(options.Int(Name, "new-users", 1_000), "new-users");
        var batches = Positive(options.Int(Name, "ingest-batches", 200), "ingest-batches");
        var clients = Positive(options.Int(Name, "ingest-clients", 4), "ingest-clients");
        var alsNonZeros = Positive(options.Int(Name, "als-nonzeros", 2_000_000), "als-nonzeros");
        var path = options.Value("db") ?? Path.Combine("data", $"bench-{preset.Name}.db");

        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
        });
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);

        var machine = Machine();
        console.Out.WriteLine($"Benchmark on the {preset.Name} world (seed {seed}) in {Path.GetFullPath(path)}; {machine.Cores} cores, {machine.Os}, .NET {machine.Runtime}");
        await EnsureWorldAsync(services, preset, seed, options.Flag("reseed"), ct);

        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<DiversityRulesStore>().LoadAsync(ct);
        var serving = services.GetRequiredService<ServingState>();
        await serving.ReloadAsync(ct);
        var snapshot = serving.Current;
        Emit("engine_load_s", new { seconds = Math.Round(clock.Elapsed.TotalSeconds, 2), videos = snapshot.Catalog.Count, events = snapshot.Engagement.EventCount }, preset, machine);

        var feed = services.GetRequiredService<FeedService>();
        var users = services.GetRequiredService<UserDirectory>();
        var states = services.GetRequiredService<UserStateStore>();
        var sample = users.Sample(userCount);

        // First use of each user: the state is read from the database (events and served log).
        var load = new List<double>(sample.Count);
        foreach (var id in sample)
        {
            var t = Stopwatch.GetTimestamp();
            await states.GetAsync(id, snapshot.Catalog, ct);
            load.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Emit("user_state_first_load_ms", Figures(load), preset, machine);

        // Warm-up so that the JIT has settled, then the timed run.
        var random = new SeededRandom((ulong)seed);
        for (var i = 0; i < Math.Min(2_000, requests); i++)
        {
            await feed.NextBatchAsync(new FeedRequest(sample[random.Next(sample.Count)]), ct);
        }

        var warm = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var id = sample[random.Next(sample.Count)];
            var t = Stopwatch.GetTimestamp();
            await feed.NextBatchAsync(new FeedRequest(id), ct);
            warm.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Emit("nextbatch_warm_ms", Figures(warm), preset, machine);

        var languages = ThemeCatalog.Languages;
        var fresh = new List<double>(newUsers);
        for (var i = 0; i < newUsers; i++)
        {
            var language = languages[random.Next(languages.Count)];
            var country = WorldGeography.PickCountry(language, random);
            var created = await users.CreateAsync(new NewUser(null, language, country, DeviceTypes.Names[random.Next(DeviceTypes.Names.Count)]), ct);
            states.AddEmpty(created.User!.Id);
            var t = Stopwatch.GetTimestamp();
            await feed.NextBatchAsync(new FeedRequest(created.User.Id), ct);
            fresh.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Emit("nextbatch_new_user_ms", Figures(fresh), preset, machine);
        await services.GetRequiredService<ServedLog>().FlushAsync();

        var ingestor = services.GetRequiredService<EventIngestor>();
        var batchesToSend = Enumerable.Range(0, batches).Select(b => EventBatch(snapshot.Catalog, sample, new SeededRandom((ulong)(seed * 1_000 + b)))).ToList();
        long before;
        await using (var db = await services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync(ct))
        {
            before = await db.Events.LongCountAsync(ct);
        }

        var perBatch = new List<double>(batches);
        var next = -1;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batchesToSend.Count)
            {
                var t = Stopwatch.GetTimestamp();
                var result = await ingestor.IngestAsync(batchesToSend[index], ct: ct);
                var elapsed = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("A benchmark batch was refused: " + string.Join(" ", result.Errors.SelectMany(e => e.Value).Take(3)));
                }

                lock (perBatch)
                {
                    perBatch.Add(elapsed);
                }
            }
        }, ct)));
        var seconds = clock.Elapsed.TotalSeconds;
        long after;
        await using (var db = await services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync(ct))
        {
            after = await db.Events.LongCountAsync(ct);
        }

        var durable = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DurableCommits;
        Emit("ingest_events_per_s", new
        {
            eventsPerSecond = Math.Round(batches * 1_000 / seconds),
            stored = after - before,
            batches,
            batchSize = 1_000,
            clients,
            durableCommits = durable,
            batchMs = Figures(perBatch),
        }, preset, machine);
        MeasureAls(preset, machine, alsNonZeros, seed, ct);
        console.Out.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MB");
        return CliExitCodes.Success;
    }

    private async Task EnsureWorldAsync(IServiceProvider services, WorldPreset preset, int seed, bool reseed, CancellationToken ct)
    {
        WorldRecord? world;
        await using (var db = await services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync(ct))
        {
            world = await db.Worlds.AsNoTracking().FirstOrDefaultAsync(ct);
        }

        if (!reseed && world is not null && world.Preset == preset.Name && world.Seed == seed)
        {
            return;
        }

        console.Out.WriteLine($"Generating the {preset.Name} world first (once; later runs reuse it)...");
        var result = await services.GetRequiredService<WorldSeeder>().SeedAsync(preset, seed, force: true, new SeedProgressPrinter(console.Out), ct: ct);
        console.Out.WriteLine($"Generated in {result.GenerateTime.TotalSeconds:0.0} s, loaded in {result.LoadTime.TotalSeconds:0.0} s.");
    }

    private static List<IncomingEvent> EventBatch(CatalogSnapshot catalog, IReadOnlyList<long> users, SeededRandom random)
    {
        var batch = new List<IncomingEvent>(1_000);
        var now = DateTime.UtcNow;
        while (batch.Count < 1_000)
        {
            var user = users[random.Next(users.Count)];
            var video = catalog.VideoIds[random.Next(catalog.Count)];
            var at = now.AddSeconds(-random.Next(3_600));
            var watch = random.NextDouble();
            batch.Add(new IncomingEvent(user, video, "impression", At: at));
            batch.Add(watch < 0.25 ? new IncomingEvent(user, video, "skip", watch, at) : new IncomingEvent(user, video, "watch", watch, at));
            if (watch > 0.8 && batch.Count < 1_000)
            {
                batch.Add(new IncomingEvent(user, video, "like", At: at));
            }
        }

        return batch.Take(1_000).ToList();
    }

    /// <summary>
    /// Implicit ALS at 64 factors on every core, on a matrix shaped like the large world's (20,000 users, 100,000
    /// videos, power-law popularity): the median iteration time and the non-zeros it processes per second per core,
    /// the figure benfred/implicit publishes (one sweep over users and one over items per iteration).
    /// </summary>
    private void MeasureAls(WorldPreset preset, MachineInfo machine, int nonZeros, int seed, CancellationToken ct)
    {
        const int Users = 20_000, Items = 100_000, Iterations = 6;
        var random = new Random(seed);
        var entries = new (int, int, float, float)[nonZeros];
        for (var i = 0; i < nonZeros; i++)
        {
            entries[i] = (random.Next(Users), (int)(Items * Math.Pow(random.NextDouble(), 2.5)), 1f, 1f + 10f * (float)random.NextDouble());
        }

        var matrix = InteractionMatrix.From(Users, Items, entries);
        var iterations = new List<double>();
        ImplicitAls.Train(matrix, new AlsOptions { Factors = 64, Iterations = Iterations }, iteration => iterations.Add(iteration.Elapsed.TotalSeconds), ct: ct);
        iterations.Sort();
        var median = iterations[iterations.Count / 2];
        Emit("als_nonzeros_per_s_per_core", new
        {
            nonZerosPerSecondPerCore = Math.Round(matrix.NonZeros / median / Environment.ProcessorCount),
            nonZeros = matrix.NonZeros,
            users = Users,
            items = Items,
            factors = 64,
            cores = Environment.ProcessorCount,
            iterationSeconds = new { median = Math.Round(median, 3), max = Math.Round(iterations[^1], 3), count = iterations.Count },
        }, preset, machine);
    }

    private static object Figures(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return new { n = sorted.Length, p50 = Math.Round(At(0.5), 3), p99 = Math.Round(At(0.99), 3), max = Math.Round(sorted.LastOrDefault(), 3), mean = Math.Round(sorted.DefaultIfEmpty().Average(), 3) };
    }

    private void Emit(string metric, object value, WorldPreset preset, MachineInfo machine) =>
        console.Out.WriteLine(JsonSerializer.Serialize(new { metric, value, preset = preset.Name, videos = preset.Videos, users = preset.Users, events = preset.Events, machine }, Json));

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliUsageException($"Option --{option} of 'bench' must be a positive whole number.");

    private static MachineInfo Machine() => new(
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Environment.Version.ToString(),
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString());

    private sealed record MachineInfo(int Cores, string Os, string Runtime, string Architecture);
}
