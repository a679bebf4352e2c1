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
/// The whole portal over temporary SQLite files (a folder of its own, deleted on dispose). First-start seeding
/// is off; <see cref="SeedTinyWorldAsync"/> loads the tiny world before a test. The administrator's password is
/// set through configuration (<see cref="AdminPassword"/>). In-memory by default; <see cref="StartKestrel"/>
/// serves on a free loopback port for a real browser.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@portal.test";

    public const string AdminPassword = "Test-Admin-Passw0rd!";

    private readonly Dictionary<string, string?> _settings;

    public PortalAppFactory()
        : this(null)
    {
    }

    /// <param name="settings">Configuration on top of the test defaults.</param>
    protected PortalAppFactory(IDictionary<string, string?>? settings)
    {
        Directory = Path.Combine(Path.GetTempPath(), "portal-tests", "web-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = $"Data Source={EngineDatabasePath}",
            [$"ConnectionStrings:{PortalStorageOptions.ConnectionStringName}"] = $"Data Source={PortalDatabasePath}",
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

    /// <summary>The temporary folder holding both databases.</summary>
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
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDirectory();
        GC.SuppressFinalize(this);
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
