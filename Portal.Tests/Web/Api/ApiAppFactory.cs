using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth.ApiKeys;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

/// <summary>
/// The portal with the tiny world loaded and one API key (<see cref="ApiKey"/>) for its API tests. API keys are
/// re-read every 200 ms, so that a key made elsewhere (the <c>apikey</c> command) is picked up quickly.
/// </summary>
public class ApiAppFactory : PortalAppFactory, IAsyncLifetime
{
    public const string KeyHeader = ApiKeyDefaults.HeaderName;

    private readonly bool _seed;

    public ApiAppFactory()
        : this(null)
    {
    }

    /// <param name="provider">The database of the engine, the portal and Hangfire (a fresh one on PostgreSQL).</param>
    internal ApiAppFactory(DatabaseProvider provider)
        : this(provider, null)
    {
    }

    /// <param name="settings">Configuration on top of the API test defaults.</param>
    /// <param name="seed">Load the tiny world before the first test.</param>
    protected ApiAppFactory(IDictionary<string, string?>? settings, bool seed = true)
        : this(DatabaseProvider.Sqlite, settings, seed)
    {
    }

    /// <param name="provider">The database of the engine, the portal and Hangfire.</param>
    /// <param name="settings">Configuration on top of the API test defaults.</param>
    /// <param name="seed">Load the tiny world before the first test.</param>
    /// <param name="postgresDatabase">On PostgreSQL, a database to share with another host (kept on dispose); null makes a fresh one.</param>
    protected ApiAppFactory(DatabaseProvider provider, IDictionary<string, string?>? settings, bool seed = true, string? postgresDatabase = null)
        : base(provider, WithDefaults(settings), postgresDatabase)
    {
        _seed = seed;
    }

    /// <summary>The name of <see cref="ApiKey"/>; names of active keys are unique in a database.</summary>
    protected virtual string ApiKeyName => "api-tests";

    /// <summary>A valid key, made before the first test.</summary>
    public string ApiKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (_seed)
        {
            await SeedTinyWorldAsync();
        }

        ApiKey = await CreateApiKeyAsync(ApiKeyName);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Makes a key as the API keys page does and returns the key itself.</summary>
    public async Task<string> CreateApiKeyAsync(string name)
    {
        var creation = await Services.GetRequiredService<ApiKeyDirectory>().CreateAsync(name, AdminEmail);
        Assert.True(creation.Succeeded, string.Join(" ", creation.Errors.Values));
        return creation.Secret!;
    }

    /// <summary>A client that sends <paramref name="key"/> (by default <see cref="ApiKey"/>; none when empty) and does not follow redirects.</summary>
    public HttpClient CreateApiClient(string? key = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        key ??= ApiKey;
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Add(KeyHeader, key);
        }

        return client;
    }

    public async Task<int> CountEventsAsync()
    {
        await using var db = await EngineContexts.CreateDbContextAsync();
        return await db.Events.CountAsync();
    }

    public async Task<int> CountUsersAsync()
    {
        await using var db = await EngineContexts.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    /// <summary>Registers a user through the API and returns its id.</summary>
    public async Task<long> CreateUserAsync(HttpClient client, string language = "en", string country = "US", string device = "ios")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/users", new { language, country, device });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetInt64();
    }

    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?>? settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Portal:Api:Keys:RefreshInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}
