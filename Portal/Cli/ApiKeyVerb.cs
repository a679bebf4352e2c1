using Microsoft.Data.Sqlite;
using Portal.Auth.ApiKeys;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Cli;

/// <summary>
/// <c>apikey create|list|revoke</c>: API keys from the command line, for scripts and the first setup. Works on the
/// portal database file; a running portal picks the change up within <see cref="ApiKeyOptions.RefreshInterval"/>.
/// </summary>
public sealed class ApiKeyVerb(CliConsole console) : ICliVerb
{
    public const string CreatedBy = "command line";

    private static readonly string[] Commands = ["create", "list", "revoke"];

    public string Name => "apikey";

    public string Summary => "Create, list or revoke keys for the HTTP API.";

    public string Usage => $"""
        apikey create --name NAME [--db PATH]
        apikey list [--db PATH]
        apikey revoke --id ID [--reason TEXT] [--db PATH]

        create         make a key; the key itself is printed once, as the last line
        list           show every key: id, name, prefix, created, last used, status
        revoke         stop a key for good
        --name NAME    what the key is for, e.g. ios-app or ci
        --id ID        the key's id, as list shows it
        --reason TEXT  why the key is revoked; default "{DefaultReason}"
        --db PATH      the portal database file; default from ConnectionStrings:Portal ({PortalStorageOptions.DefaultConnectionString})
        """;

    private const string DefaultReason = "revoked from the command line";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            throw new CliUsageException($"'{Name}' needs a command: {string.Join(", ", Commands)}. Example: {Name} create --name ci");
        }

        var command = args[0];
        var rest = args.Skip(1).ToList();
        return command switch
        {
            "create" => await CreateAsync(CliOptions.Parse($"{Name} create", rest, ["name", "db"], []), ct),
            "list" => await ListAsync(CliOptions.Parse($"{Name} list", rest, ["db"], []), ct),
            "revoke" => await RevokeAsync(CliOptions.Parse($"{Name} revoke", rest, ["id", "reason", "db"], []), ct),
            _ => throw new CliUsageException($"Unknown {Name} command '{command}'. Valid commands: {string.Join(", ", Commands)}."),
        };
    }

    private async Task<int> CreateAsync(CliOptions options, CancellationToken ct)
    {
        var name = options.Value("name") ?? throw new CliUsageException($"'{Name} create' needs --name NAME, e.g. --name ci.");
        using var host = await StartAsync(options, ct);
        var creation = await host.Services.GetRequiredService<ApiKeyDirectory>().CreateAsync(name, CreatedBy, ct: ct);
        if (!creation.Succeeded)
        {
            console.Error.WriteLine(string.Join(" ", creation.Errors.Values));
            return CliExitCodes.Failed;
        }

        var key = creation.Key!;
        console.Out.WriteLine($"Created API key {key.Id} \"{key.Name}\" ({key.Prefix}…).");
        console.Out.WriteLine($"Send it in the {ApiKeyDefaults.HeaderName} header. It is shown only now: store it somewhere safe.");
        console.Out.WriteLine(creation.Secret);
        return CliExitCodes.Success;
    }

    private async Task<int> ListAsync(CliOptions options, CancellationToken ct)
    {
        using var host = await StartAsync(options, ct);
        var directory = host.Services.GetRequiredService<ApiKeyDirectory>();
        var keys = new List<ApiKeySummary>();
        const int pageSize = 500;
        for (var page = 0; ; page++)
        {
            var batch = await directory.GetPageAsync(page, pageSize, ct);
            keys.AddRange(batch.Items);
            if (keys.Count >= batch.Total || batch.Items.Count == 0)
            {
                break;
            }
        }

        if (keys.Count == 0)
        {
            console.Out.WriteLine($"There are no API keys yet. Make one with: {Name} create --name NAME");
            return CliExitCodes.Success;
        }

        var nameWidth = Math.Max(4, keys.Max(k => k.Name.Length));
        console.Out.WriteLine($"{"ID",5}  {"NAME".PadRight(nameWidth)}  {"PREFIX",-10}  {"CREATED (UTC)",-16}  {"LAST USED (UTC)",-16}  STATUS");
        foreach (var key in keys)
        {
            var status = key.IsRevoked ? $"revoked {key.RevokedAt:yyyy-MM-dd} by {key.RevokedBy}: {key.RevocationReason}" : "active";
            console.Out.WriteLine($"{key.Id,5}  {key.Name.PadRight(nameWidth)}  {key.Prefix,-10}  {key.CreatedAt,-16:yyyy-MM-dd HH:mm}  {(key.LastUsedAt is { } used ? used.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "never"),-16}  {status}");
        }

        return CliExitCodes.Success;
    }

    private async Task<int> RevokeAsync(CliOptions options, CancellationToken ct)
    {
        var id = options.Int($"{Name} revoke", "id", -1);
        if (id < 1)
        {
            throw new CliUsageException($"'{Name} revoke' needs --id ID, the key's id as '{Name} list' shows it.");
        }

        using var host = await StartAsync(options, ct);
        var revocation = await host.Services.GetRequiredService<ApiKeyDirectory>().RevokeAsync(id, options.Value("reason") ?? DefaultReason, CreatedBy, ct: ct);
        if (!revocation.Succeeded)
        {
            console.Error.WriteLine(string.Join(" ", revocation.Errors.Values));
            return CliExitCodes.Failed;
        }

        console.Out.WriteLine($"Revoked API key {revocation.Key!.Id} \"{revocation.Key.Name}\" ({revocation.Key.Prefix}…). A running portal refuses it within seconds.");
        return CliExitCodes.Success;
    }

    /// <summary>A host over the portal database (brought to the current schema) with the API key directory.</summary>
    private static async Task<IHost> StartAsync(CliOptions options, CancellationToken ct)
    {
        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } path)
        {
            overrides[$"ConnectionStrings:{PortalStorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
            overrides[$"{PortalStorageOptions.SectionName}:{nameof(PortalStorageOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite);
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalStorage(builder.Configuration);
        builder.Services.AddApiKeyDirectory();
        var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
