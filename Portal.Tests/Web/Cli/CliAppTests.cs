using Microsoft.Data.Sqlite;
using Portal.Cli;
using Portal.Engine.Synthetic;

namespace Portal.Tests.Web.Cli;

public sealed class CliAppTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public CliAppTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "engine.db");

    [Fact]
    public async Task Run_UnknownVerb_Exits2AndListsTheVerbs()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.Equal(CliExitCodes.Usage, code);
        var verbs = CliVerbRegistry.Create(new CliConsole(TextWriter.Null, TextWriter.Null)).Select(v => v.Name);
        Assert.Equal($"Unknown command 'frobnicate'. Valid commands: {string.Join(", ", verbs)}.", error.Trim());
        Assert.Contains("seed", verbs);
    }

    [Fact]
    public async Task Run_SeedUnknownPreset_Exits2AndListsThePresets()
    {
        var (code, _, error) = await RunAsync("seed", "--preset", "huge", "--db", DatabasePath);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal($"Unknown preset 'huge'. Valid presets: {string.Join(", ", WorldPresets.All.Select(p => p.Name))}.", error.Trim());
        Assert.All(["tiny", "demo", "large"], name => Assert.Contains(name, error, StringComparison.Ordinal));
        Assert.False(File.Exists(DatabasePath));
    }

    [Theory]
    [InlineData("Option --seed of 'seed' must be a whole number, not 'seven'.", "seed", "--seed", "seven")]
    [InlineData("Option --db of 'seed' needs a value.", "seed", "--db")]
    [InlineData("Unknown option '--size' for 'seed'. Valid options: --preset, --seed, --db, --force.", "seed", "--size", "3")]
    [InlineData("Unexpected argument 'tiny' for 'seed'. Valid options: --preset, --seed, --db, --force.", "seed", "tiny")]
    public async Task Run_SeedBadArguments_Exits2WithOneLine(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Run_Help_ListsTheVerbs()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(CliExitCodes.Success, code);
        Assert.Contains("seed", output, StringComparison.Ordinal);
        Assert.Contains("help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SeedTwice_RefusesTheSecondTimeUnlessForced()
    {
        var (first, firstOutput, firstError) = await RunAsync("seed", "--preset", "tiny", "--seed", "7", "--db", DatabasePath);
        Assert.True(first == CliExitCodes.Success, firstError);
        Assert.Contains("100 %", firstOutput, StringComparison.Ordinal);
        Assert.Contains("videos", firstOutput, StringComparison.Ordinal);
        Assert.Contains("Generated in", firstOutput, StringComparison.Ordinal);

        var (second, _, secondError) = await RunAsync("seed", "--preset", "tiny", "--db", DatabasePath);
        Assert.Equal(CliExitCodes.Failed, second);
        Assert.Contains("already holds 400 videos", secondError, StringComparison.Ordinal);
        Assert.Contains("--force", secondError, StringComparison.Ordinal);

        var (forced, forcedOutput, forcedError) = await RunAsync("seed", "--preset", "tiny", "--seed", "8", "--db", DatabasePath, "--force");
        Assert.True(forced == CliExitCodes.Success, forcedError);
        Assert.Contains("Seeded the tiny world (seed 8)", forcedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_OnTheTinyWorld_PrintsAJsonLinePerFigure()
    {
        var (code, output, error) = await RunAsync("bench", "--preset", "tiny", "--db", DatabasePath, "--requests", "50", "--users", "20", "--new-users", "5", "--ingest-batches", "2", "--ingest-clients", "2", "--als-nonzeros", "20000");

        Assert.True(code == CliExitCodes.Success, error);
        var figures = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var metrics = figures.Select(f => f.GetProperty("metric").GetString()).ToList();
        Assert.Equal(["engine_load_s", "user_state_first_load_ms", "nextbatch_warm_ms", "nextbatch_new_user_ms", "ingest_events_per_s", "als_nonzeros_per_s_per_core"], metrics);
        var warm = figures[2].GetProperty("value");
        Assert.Equal(50, warm.GetProperty("n").GetInt32());
        Assert.True(warm.GetProperty("p99").GetDouble() >= warm.GetProperty("p50").GetDouble());
        Assert.Equal(2_000, figures[4].GetProperty("value").GetProperty("stored").GetInt64());
        Assert.True(figures[0].GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        var als = figures[5].GetProperty("value");
        Assert.InRange(als.GetProperty("nonZeros").GetInt32(), 15_000, 20_000);
        Assert.True(als.GetProperty("nonZerosPerSecondPerCore").GetDouble() > 0);
    }

    [Fact]
    public async Task Bench_BadOption_Exits2()
    {
        var (code, _, error) = await RunAsync("bench", "--requests", "-5", "--db", DatabasePath);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Contains("--requests", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}
