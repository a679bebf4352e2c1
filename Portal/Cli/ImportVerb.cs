using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Engine;
using Portal.Engine.Catalog;
using Portal.Engine.Import;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Cli;

/// <summary><c>import</c>: loads a public data set (MovieLens, KuaiRec) into the engine database and prints what was imported and what was skipped.</summary>
public sealed class ImportVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["format", "db", "portal-db"];
    private static readonly string[] FlagOptions = ["force"];

    public string Name => "import";

    public string Summary => "Import a public data set (MovieLens, KuaiRec) into the engine database.";

    public string Usage => $"""
        import --format {string.Join("|", DataSetReaders.Formats)} PATH [--db PATH] [--portal-db PATH] [--force]

        PATH           the folder holding the data set's files
        --format NAME  {string.Join("; ", DataSetReaders.All.Select(r => $"{r.Format}: {r.Description}"))}
        --db PATH      the engine database file; default from ConnectionStrings:Engine ({StorageOptions.DefaultConnectionString})
        --portal-db PATH  the portal database whose audit log records the import; default from ConnectionStrings:Portal
        --force        replace what the database holds (a generated world, an earlier import)

        Rows that cannot be imported are skipped and reported with their file and line; a file of the wrong shape stops the import before anything is written.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var (paths, rest) = SplitPositional(args);
        var options = CliOptions.Parse(Name, rest, ValueOptions, FlagOptions);
        var formats = string.Join(", ", DataSetReaders.Formats);
        var format = options.Value("format") ?? throw new CliUsageException($"Option --format of 'import' is required. Valid formats: {formats}.");
        if (!DataSetReaders.TryGet(format, out var reader))
        {
            throw new CliUsageException($"Unknown format '{format}'. Valid formats: {formats}.");
        }

        if (paths.Count == 0)
        {
            throw new CliUsageException($"Missing PATH: the folder holding the data set, as in 'import --format {reader.Format} PATH'.");
        }

        if (paths.Count > 1)
        {
            throw new CliUsageException($"Unexpected argument '{paths[1]}' for 'import': give one PATH.");
        }

        var path = paths[0];
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new CliUsageException($"PATH '{path}' does not exist: give the folder holding the {reader.Format} files.");
        }

        var force = options.Flag("force");
        var overrides = new Dictionary<string, string?>();
        if (options.Value("db") is { } db)
        {
            overrides[$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = db }.ToString();
        }

        if (options.Value("portal-db") is { } portalDb)
        {
            overrides[$"ConnectionStrings:{PortalStorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = portalDb }.ToString();
        }

        var builder = CliHost.CreateBuilder(overrides);
        builder.Services.AddPortalEngine(builder.Configuration);
        builder.Services.AddPortalStorage(builder.Configuration);
        builder.Services.AddAuditTrail();
        using var host = builder.Build();
        var services = host.Services;
        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? StorageOptions.DefaultConnectionString;
        var where = SqliteConnections.FilePath(connectionString) ?? connectionString;

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        console.Out.WriteLine($"Importing {reader.Format} from {Path.GetFullPath(path)} into {where}{(force ? ", replacing what is there" : "")}");
        var importer = new DataSetImporter(services.GetRequiredService<IDbContextFactory<EngineDbContext>>(), services.GetRequiredService<CatalogChanges>());
        ImportReport report;
        try
        {
            report = await importer.ImportAsync(reader, path, force, line => console.Out.WriteLine("  " + line), ct);
        }
        catch (DatabaseNotEmptyException ex)
        {
            console.Error.WriteLine(ex.Message);
            return CliExitCodes.Failed;
        }
        catch (ImportFileException ex)
        {
            console.Error.WriteLine(ex.Message);
            console.Error.WriteLine("Nothing was imported.");
            return CliExitCodes.Failed;
        }

        Write(report);
        await RecordAsync(services, builder.Configuration, reader.Format, Path.GetFullPath(path), report, force, ct);
        return CliExitCodes.Success;
    }

    /// <summary>
    /// Appends the import to the portal's audit log, when the portal's database exists (a portal has run on it): the
    /// actor is the command line and the account that ran it.
    /// </summary>
    private async Task RecordAsync(IServiceProvider services, IConfiguration configuration, string format, string path, ImportReport report, bool force, CancellationToken ct)
    {
        var portal = configuration.GetConnectionString(PortalStorageOptions.ConnectionStringName) ?? PortalStorageOptions.DefaultConnectionString;
        if (SqliteConnections.FilePath(portal) is { } file && !File.Exists(file))
        {
            console.Out.WriteLine($"No portal database at {file}: the import is not in an audit log.");
            return;
        }

        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(ct);
        var after = $"{report.Videos} videos, {report.Users} users, {report.Events} events from {format} at {path}; {report.SkippedRows} rows skipped{(force ? "; replaced what was there" : "")}";
        await services.GetRequiredService<IAuditTrail>().AppendAsync(
            new AuditRecord(new AuditActor($"command line ({Environment.UserName})"), AuditActions.DataImported, $"import:{format}", null, after, null), ct);
        console.Out.WriteLine("The import is recorded in the portal's audit log.");
    }

    private void Write(ImportReport report)
    {
        var o = console.Out;
        o.WriteLine();
        o.WriteLine($"Imported {report.Format} ({report.Layout}) in {report.Elapsed.TotalSeconds:0.00} s (read {report.ReadTime.TotalSeconds:0.00} s, load {report.LoadTime.TotalSeconds:0.00} s):");
        o.WriteLine($"  files     {string.Join(", ", report.Files.Select(f => $"{f.Name} ({f.Rows:N0} rows)"))}");
        WriteCount("rows read", report.RowsRead);
        WriteCount("videos", report.Videos);
        WriteCount("hashtags", report.Hashtags);
        WriteCount("users", report.Users);
        WriteCount("events", report.Events);
        WriteCount("skipped", report.SkippedRows);
        if (report.SkippedRows == 0)
        {
            o.WriteLine("Every row was imported.");
            return;
        }

        o.WriteLine();
        o.WriteLine("Skipped rows by reason:");
        foreach (var (reason, count) in report.Skipped.OrderByDescending(s => s.Value).ThenBy(s => s.Key))
        {
            o.WriteLine($"  {ImportProblemReasons.Describe(reason),-36}{count,12:N0}");
        }

        o.WriteLine();
        o.WriteLine(report.Problems.Count < report.SkippedRows ? $"The first {report.Problems.Count} problems:" : "Problems:");
        foreach (var problem in report.Problems)
        {
            o.WriteLine("  " + problem);
        }
    }

    private void WriteCount(string what, long count) => console.Out.WriteLine($"  {what,-9}{count,12:N0}");

    /// <summary>Separates positional arguments (PATH) from options: anything not starting with -- that is not the value of a value option.</summary>
    private static (List<string> Positional, List<string> Options) SplitPositional(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && ValueOptions.Contains(arg[2..]) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    rest.Add(args[++i]);
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        return (positional, rest);
    }
}
