using System.Text;
using Microsoft.Data.Sqlite;
using Portal.Cli;
using Portal.Tests.Engine.Import;

namespace Portal.Tests.Web.Cli;

public sealed class ImportVerbTests : IDisposable
{
    private readonly DataSetFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "engine.db");

    [Theory]
    [InlineData("Option --format of 'import' is required. Valid formats: movielens, kuairec.", "import", "some/folder")]
    [InlineData("Unknown format 'netflix'. Valid formats: movielens, kuairec.", "import", "--format", "netflix", "some/folder")]
    [InlineData("Missing PATH: the folder holding the data set, as in 'import --format movielens PATH'.", "import", "--format", "movielens")]
    [InlineData("Unknown option '--limit' for 'import'. Valid options: --format, --db, --portal-db, --force.", "import", "--format", "movielens", "x", "--limit", "3")]
    [InlineData("Option --db of 'import' needs a value.", "import", "--format", "movielens", "x", "--db")]
    public async Task Run_BadArguments_Exits2WithOneLine(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Run_PathNotFound_Exits2()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var (code, _, error) = await RunAsync("import", "--format", "kuairec", missing, "--db", DatabasePath);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal($"PATH '{missing}' does not exist: give the folder holding the kuairec files.", error.Trim());
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Run_AFileOfTheWrongShape_Exits1WithTheErrorAndImportsNothing()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1)], Encoding.Latin1).Write("u.data", ["1,1,5,881250949"]);

        var (code, _, error) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath);

        Assert.Equal(CliExitCodes.Failed, code);
        Assert.Contains("u.data: expected 4 columns separated by '\\t'", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", error, StringComparison.Ordinal);
        Assert.Equal(0L, Count("Videos"));
    }

    [Fact]
    public async Task Run_Twice_RefusesTheSecondTimeUnlessForced()
    {
        _folder.WritePlantedMl100k(users: 30, items: 40, ratingsPerUser: 10);

        var (first, output, firstError) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath);
        Assert.True(first == CliExitCodes.Success, firstError);
        Assert.Contains("Imported movielens (ml-100k)", output, StringComparison.Ordinal);
        Assert.Contains("u.data (300 rows)", output, StringComparison.Ordinal);
        Assert.Contains("Every row was imported.", output, StringComparison.Ordinal);
        Assert.Equal(40L, Count("Videos"));

        var (second, _, secondError) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath);
        Assert.Equal(CliExitCodes.Failed, second);
        Assert.Contains("already holds 40 videos and 30 users; pass --force", secondError, StringComparison.Ordinal);

        var (forced, _, forcedError) = await RunAsync("import", "--format", "movielens", "--force", _folder.Path, "--db", DatabasePath);
        Assert.True(forced == CliExitCodes.Success, forcedError);
        Assert.Equal(30L, Count("AppUsers"));
    }

    [Fact]
    public async Task Run_BadRows_PrintsTheCountsByReasonAndTheFirstProblemsWithFileAndLine()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1), DataSetFolder.Ml100kItem(2, "Two", 2)], Encoding.Latin1)
            .Write("u.data", ["1\t1\t5\t881250949", "1\t9\t4\t881250949", "1\t2\t6\t881250949", "2\t9\t4\t881250949"]);

        var (code, output, error) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath);

        Assert.True(code == CliExitCodes.Success, error);
        Assert.Matches(@"skipped\s+3", output);
        Assert.Matches(@"unknown item\s+2", output);
        Assert.Matches(@"value not a number or out of range\s+1", output);
        Assert.Contains("u.data:2: unknown item: movie 9 is not in u.item", output, StringComparison.Ordinal);
        Assert.Contains("u.data:3: value not a number or out of range: rating '6' is not one of 0.5, 1, ..., 5", output, StringComparison.Ordinal);
        Assert.Contains("u.data:4: unknown item", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAPortalDatabase_RecordsTheImportInItsAuditLog()
    {
        _folder.WritePlantedMl100k(users: 10, items: 12, ratingsPerUser: 5);
        var portal = Path.Combine(_folder.Path, "portal.db");
        var (keyCode, _, keyError) = await RunAsync("apikey", "create", "--name", "setup", "--db", portal);
        Assert.True(keyCode == CliExitCodes.Success, keyError);

        var (code, output, error) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath, "--portal-db", portal);

        Assert.True(code == CliExitCodes.Success, error);
        Assert.Contains("recorded in the portal's audit log", output, StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={portal}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Actor\", \"After\" FROM \"AuditEntries\" WHERE \"Action\" = 'data.imported'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.StartsWith("command line", reader.GetString(0), StringComparison.Ordinal);
        Assert.Contains("12 videos, 10 users, ", reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutAPortalDatabase_SaysTheImportIsNotAudited()
    {
        _folder.WritePlantedMl100k(users: 10, items: 12, ratingsPerUser: 5);
        var portal = Path.Combine(_folder.Path, "no-portal.db");

        var (code, output, error) = await RunAsync("import", "--format", "movielens", _folder.Path, "--db", DatabasePath, "--portal-db", portal);

        Assert.True(code == CliExitCodes.Success, error);
        Assert.Contains($"No portal database at {portal}", output, StringComparison.Ordinal);
        Assert.False(File.Exists(portal));
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
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
