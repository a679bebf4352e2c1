using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;
using Portal.Engine.Training;
using Portal.Storage;

namespace Portal.Tests.Web;

/// <summary>
/// The whole portal over temporary SQLite files (a folder of its own, deleted on dispose), or, given
/// <see cref="DatabaseProvider.PostgreSql"/>, over one fresh PostgreSQL database from <see cref="PostgresServer"/>
/// holding the engine's tables, the portal's (which follow the engine there) and Hangfire's, dropped on dispose.
/// First-start seeding is off; <see cref="SeedTinyWorldAsync"/> loads the tiny world before a test. The
/// administrator's password is set through configuration (<see cref="AdminPassword"/>). In-memory by default;
/// <see cref="StartKestrel"/> serves on a free loopback port for a real browser.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@portal.test";

    public const string AdminPassword = "Test-Admin-Passw0rd!";

    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsPostgresDatabase;

    private bool _postgresDatabaseDropped;

    public PortalAppFactory()
        : this(DatabaseProvider.Sqlite, null)
    {
    }

    /// <param name="provider">The database of the engine, the portal and Hangfire.</param>
    /// <param name="postgresDatabase">
    /// On PostgreSQL, the connection string of a database to share with another host (left in place on dispose);
    /// null makes a fresh one, dropped on dispose.
    /// </param>
    internal PortalAppFactory(DatabaseProvider provider, string? postgresDatabase = null)
        : this(provider, null, postgresDatabase)
    {
    }

    /// <param name="settings">Configuration on top of the test defaults.</param>
    protected PortalAppFactory(IDictionary<string, string?>? settings)
        : this(DatabaseProvider.Sqlite, settings)
    {
    }

    /// <param name="provider">The database of the engine, the portal and Hangfire.</param>
    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="postgresDatabase">On PostgreSQL, a database to share (kept on dispose); null makes a fresh one.</param>
    protected PortalAppFactory(DatabaseProvider provider, IDictionary<string, string?>? settings, string? postgresDatabase = null)
    {
        Provider = provider;
        Directory = Path.Combine(Path.GetTempPath(), "portal-tests", "web-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (provider == DatabaseProvider.PostgreSql)
        {
            _ownsPostgresDatabase = postgresDatabase is null;
            PostgresDatabase = postgresDatabase ?? PostgresServer.CreateDatabase();
        }

        _settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = provider.ToString(),
            [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = PostgresDatabase ?? $"Data Source={EngineDatabasePath}",
            // On PostgreSQL the portal follows the engine into its database (no provider, no connection string of its own).
            [$"ConnectionStrings:{PortalStorageOptions.ConnectionStringName}"] = PostgresDatabase is null ? $"Data Source={PortalDatabasePath}" : null,
            [$"{WorldOptions.SectionName}:SeedOnFirstStart"] = "false",
            [$"{WorldOptions.SectionName}:TrainOnFirstStart"] = "false",
            // Training on the tiny world, kept small so that a run takes seconds.
            [$"{TrainingOptions.SectionName}:ArtifactsPath"] = Path.Combine(Directory, "models"),
            [$"{TrainingOptions.SectionName}:EvaluationUsers"] = "50",
            [$"{TrainingOptions.SectionName}:SimulationUsers"] = "20",
            [$"{TrainingOptions.SectionName}:SimulationBatches"] = "3",
            [$"{TrainingOptions.SectionName}:AlsIterations"] = "4",
            [$"{TrainingOptions.SectionName}:Factors"] = "16",
            [$"{TrainingOptions.SectionName}:ContentDimension"] = "16",
            [$"{TrainingOptions.SectionName}:VideoClusters"] = "8",
            [$"{AdminAccountOptions.SectionName}:Email"] = AdminEmail,
            [$"{AdminAccountOptions.SectionName}:Password"] = AdminPassword,
            [$"{AdminAccountOptions.SectionName}:DisplayName"] = "Ada Admin",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Portal"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The database the engine, the portal and Hangfire run on.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>On PostgreSQL, the connection string of the test's database (a superuser's); null on SQLite.</summary>
    public string? PostgresDatabase { get; }

    /// <summary>The temporary folder holding both SQLite databases (and the model artifacts).</summary>
    public string Directory { get; }

    public string EngineDatabasePath => Path.Combine(Directory, "engine.db");

    public string PortalDatabasePath => Path.Combine(Directory, "portal.db");

    /// <summary>Where a Kestrel-served portal listens (after <see cref="StartKestrel"/>).</summary>
    public Uri? ServerAddress { get; private set; }

    public IDbContextFactory<EngineDbContext> EngineContexts => Services.GetRequiredService<IDbContextFactory<EngineDbContext>>();

    /// <summary>Serves the portal with Kestrel on a free loopback port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return ServerAddress;
    }

    /// <summary>Generates and loads the tiny world (seed 7, anchored at the current hour) and waits until the engine serves from it.</summary>
    public async Task<WorldSeedResult> SeedTinyWorldAsync()
    {
        var result = await Services.GetRequiredService<WorldSeeder>().SeedAsync(WorldPresets.Tiny, 7, force: false);
        await WaitForEngineAsync();
        return result;
    }

    /// <summary>Waits (up to 30 s) until the engine has loaded the latest catalog and serves feeds.</summary>
    public async Task WaitForEngineAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<Portal.Engine.Feed.ServingState>().WaitUntilCurrentAsync(timeout.Token);
    }

    /// <summary>Creates a staff account directly, as the Staff page does.</summary>
    public async Task CreateStaffAsync(string email, string password, params string[] roles)
    {
        var result = await Services.GetRequiredService<StaffDirectory>().CreateAsync(new NewStaffAccount
        {
            Email = email,
            DisplayName = email.Split('@')[0],
            Password = password,
            Roles = [.. roles],
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Concat(result.FieldErrors.SelectMany(e => e.Value))));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDirectory();
            Task.Run(DropPostgresDatabaseAsync).GetAwaiter().GetResult();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDirectory();
        await DropPostgresDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    private async Task DropPostgresDatabaseAsync()
    {
        if (_ownsPostgresDatabase && !_postgresDatabaseDropped)
        {
            _postgresDatabaseDropped = true;
            await PostgresServer.DropDatabaseAsync(PostgresDatabase!);
        }
    }

    private void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is cleaned up by the system eventually.
        }
    }
}
