using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Engine;
using Portal.Engine.Diversity;
using Portal.Engine.Feed;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;

namespace Portal.Tests.Engine;

/// <summary>
/// A migrated engine database with the engine's services over it: a temporary SQLite file by default, or an empty
/// database on the tests' PostgreSQL server (<see cref="PostgresServer"/>). The folder (and the PostgreSQL database)
/// go on dispose. Use <see cref="CreateAsync"/> and, for most tests, <see cref="SeedAsync"/> the tiny world.
/// </summary>
public sealed class EngineTestDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private readonly bool _ownsDatabase;

    private EngineTestDatabase(string directory, ServiceProvider services, FakeTimeProvider clock, DatabaseProvider provider, string connectionString, bool ownsDatabase)
    {
        _directory = directory;
        _ownsDatabase = ownsDatabase;
        Services = services;
        Clock = clock;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The instant every seeded test world ends at, so that tests do not depend on the clock.</summary>
    public static readonly DateTime Anchor = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public ServiceProvider Services { get; }

    /// <summary>The engine's clock; starts an hour after <see cref="Anchor"/> and moves only when a test advances it.</summary>
    public FakeTimeProvider Clock { get; }

    public string FilePath => Path.Combine(_directory, "engine.db");

    public string ModelsPath => Path.Combine(_directory, "models");

    public IDbContextFactory<EngineDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<EngineDbContext>>();

    public static async Task<EngineTestDatabase> CreateAsync(IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var connectionString = provider == DatabaseProvider.PostgreSql
            ? await PostgresServer.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(directory, "engine.db")}";
        return await BuildAsync(directory, connectionString, provider, settings, ownsDatabase: true);
    }

    /// <summary>
    /// A second engine (another instance, as on another machine) over this one's database, with its own services,
    /// memory, clock and models folder. Disposing it leaves the database to its owner.
    /// </summary>
    public async Task<EngineTestDatabase> AttachInstanceAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var instance = await BuildAsync(directory, ConnectionString, Provider, settings, ownsDatabase: false);
        instance.Clock.SetUtcNow(Clock.GetUtcNow());
        return instance;
    }

    private static async Task<EngineTestDatabase> BuildAsync(
        string directory, string connectionString, DatabaseProvider provider, IDictionary<string, string?>? settings, bool ownsDatabase)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Engine"] = connectionString,
            ["Engine:Storage:Provider"] = provider.ToString(),

            // Training small and fast: tests check behaviour, not accuracy.
            ["Engine:Training:ArtifactsPath"] = Path.Combine(directory, "models"),
            ["Engine:Training:ContentDimension"] = "16",
            ["Engine:Training:Factors"] = "16",
            ["Engine:Training:AlsIterations"] = "4",
            ["Engine:Training:VideoClusters"] = "8",
            ["Engine:Training:UserClusters"] = "4",
            ["Engine:Training:EvaluationUsers"] = "40",
            ["Engine:Training:SimulationUsers"] = "10",
            ["Engine:Training:SimulationBatches"] = "2",
            ["Engine:Training:RankerMinimumRows"] = "200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var clock = new FakeTimeProvider(Anchor.AddHours(1));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(clock)
            .AddPortalEngine(configuration)
            .BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return new EngineTestDatabase(directory, services, clock, provider, connectionString, ownsDatabase);
    }

    /// <summary>Loads the diversity rules and the first serving snapshot, as the host's background service does at start.</summary>
    public async Task StartEngineAsync()
    {
        await Services.GetRequiredService<DiversityRulesStore>().LoadAsync();
        await Services.GetRequiredService<ServingState>().ReloadAsync();
    }

    /// <summary>A migrated database with the tiny world (or <paramref name="preset"/>) seeded and the engine started.</summary>
    public static async Task<EngineTestDatabase> CreateSeededAsync(
        WorldPreset? preset = null, int seed = 7, IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await CreateAsync(settings, provider);
        await database.SeedAsync(preset, seed);
        await database.StartEngineAsync();
        return database;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<WorldSeedResult> SeedAsync(WorldPreset? preset = null, int seed = 7, bool force = false) =>
        Services.GetRequiredService<WorldSeeder>().SeedAsync(preset ?? WorldPresets.Tiny, seed, force, anchor: Anchor);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.PostgreSql && _ownsDatabase)
        {
            await PostgresServer.DropDatabaseAsync(ConnectionString);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open elsewhere; the temp folder is cleaned by the OS eventually.
        }
    }
}
