using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Cli;
using Portal.Tests.Engine.Import;

namespace Portal.Tests.Web.Cli;

public sealed class EvaluateVerbTests : IDisposable
{
    private readonly DataSetFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "engine.db");

    [Theory]
    [InlineData("Unknown protocol 'leave-one-out'. Valid protocols: time-split, movielens-stratified.", "evaluate", "--protocol", "leave-one-out")]
    [InlineData("Option --k of 'evaluate' must be a positive whole number.", "evaluate", "--k", "0")]
    [InlineData("Option --factors of 'evaluate' must be a whole number, not 'many'.", "evaluate", "--factors", "many")]
    [InlineData("Option --alpha of 'evaluate' must be a number above 0, not '-1'.", "evaluate", "--alpha", "-1")]
    [InlineData("Unexpected argument 'ratings' for 'evaluate'. Valid options: --protocol, --db, --k, --seed, --factors, --iterations, --alpha, --regularization.", "evaluate", "ratings")]
    public async Task Run_BadArguments_Exits2WithOneLine(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Run_DatabaseNotFound_Exits2()
    {
        var (code, _, error) = await RunAsync("evaluate", "--db", DatabasePath);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.StartsWith($"Database '{DatabasePath}' does not exist", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MovieLensStratifiedOnPlantedGroups_AlsBeatsPopularityNextToThePublishedFigures()
    {
        _folder.WritePlantedMl100k();
        var (imported, _, importError) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath);
        Assert.True(imported == CliExitCodes.Success, importError);

        var (code, output, error) = await RunAsync("evaluate", "--protocol", "movielens-stratified", "--db", DatabasePath, "--factors", "16", "--iterations", "10");

        Assert.True(code == CliExitCodes.Success, error);
        Assert.Contains("theirs, not ours", output, StringComparison.Ordinal);
        Assert.Contains("BPR", output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(output.Split('\n').Single(l => l.StartsWith('{'))).RootElement;
        Assert.Equal("movielens-stratified", json.GetProperty("protocol").GetString());
        Assert.Equal(150, json.GetProperty("users").GetInt32());
        var methods = json.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("method").GetString()!, m => m.GetProperty("ndcg").GetDouble());
        Assert.True(methods["als"] > methods["popularity"] + 0.1, output);
        Assert.Equal(0.441997, json.GetProperty("published").GetProperty("results").EnumerateArray().Single(r => r.GetProperty("algorithm").GetString() == "BPR").GetProperty("ndcg").GetDouble());
    }

    [Fact]
    public async Task Run_TimeSplitOnTheTinyWorld_PrintsPopularityAndAls()
    {
        var (seeded, _, seedError) = await RunAsync("seed", "--preset", "tiny", "--db", DatabasePath);
        Assert.True(seeded == CliExitCodes.Success, seedError);

        var (code, output, error) = await RunAsync("evaluate", "--db", DatabasePath, "--factors", "8", "--iterations", "3");

        Assert.True(code == CliExitCodes.Success, error);
        var json = JsonDocument.Parse(output.Split('\n').Single(l => l.StartsWith('{'))).RootElement;
        Assert.Equal("time-split", json.GetProperty("protocol").GetString());
        Assert.Equal(["popularity", "als"], json.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        Assert.True(json.GetProperty("users").GetInt32() > 0);
        Assert.DoesNotContain("theirs, not ours", output, StringComparison.Ordinal);
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
        _folder.Dispose();
    }
}
