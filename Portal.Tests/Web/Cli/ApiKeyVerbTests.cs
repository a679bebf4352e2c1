using System.Net;
using Portal.Cli;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Cli;

/// <summary>The <c>apikey</c> verb against the portal database of a running portal.</summary>
public sealed class ApiKeyVerbTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task Run_CreateListRevoke_TheKeyPrintedLastWorksUntilRevoked()
    {
        var (code, output, error) = await RunAsync("apikey", "create", "--name", "ci", "--db", factory.PortalDatabasePath);

        Assert.True(code == CliExitCodes.Success, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[^1];
        Assert.Matches("^pk_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("shown only now", output, StringComparison.Ordinal);
        using var client = factory.CreateApiClient(key);
        Assert.Equal(HttpStatusCode.OK, await WaitForStatusAsync(client, HttpStatusCode.OK));

        var (listCode, list, _) = await RunAsync("apikey", "list", "--db", factory.PortalDatabasePath);
        Assert.Equal(CliExitCodes.Success, listCode);
        var row = list.Split('\n').Single(l => l.Contains(" ci ", StringComparison.Ordinal));
        Assert.Contains(key[..10], row, StringComparison.Ordinal);
        Assert.Contains("active", row, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        var id = row.Trim().Split(' ')[0];

        var (revokeCode, revoked, revokeError) = await RunAsync("apikey", "revoke", "--id", id, "--reason", "ci moved", "--db", factory.PortalDatabasePath);
        Assert.True(revokeCode == CliExitCodes.Success, revokeError);
        Assert.Contains("Revoked API key", revoked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await WaitForStatusAsync(client, HttpStatusCode.Unauthorized));
    }

    [Theory]
    [InlineData("'apikey' needs a command: create, list, revoke. Example: apikey create --name ci", "apikey")]
    [InlineData("Unknown apikey command 'rotate'. Valid commands: create, list, revoke.", "apikey", "rotate")]
    [InlineData("'apikey create' needs --name NAME, e.g. --name ci.", "apikey", "create")]
    [InlineData("Option --name of 'apikey create' needs a value.", "apikey", "create", "--name")]
    [InlineData("Unknown option '--size' for 'apikey create'. Valid options: --name, --db.", "apikey", "create", "--name", "ci", "--size", "3")]
    [InlineData("Option --id of 'apikey revoke' must be a whole number, not 'seven'.", "apikey", "revoke", "--id", "seven")]
    [InlineData("'apikey revoke' needs --id ID, the key's id as 'apikey list' shows it.", "apikey", "revoke")]
    public async Task Run_BadArguments_Exits2WithOneLine(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Run_RevokeUnknownId_Exits1()
    {
        var (code, _, error) = await RunAsync("apikey", "revoke", "--id", "4242", "--db", factory.PortalDatabasePath);

        Assert.Equal(CliExitCodes.Failed, code);
        Assert.Equal("There is no API key with id 4242.", error.Trim());
    }

    /// <summary>The portal re-reads the keys every 200 ms in tests; waits up to 10 s for the key to reach <paramref name="expected"/>.</summary>
    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient client, HttpStatusCode expected)
    {
        var status = HttpStatusCode.InternalServerError;
        for (var attempt = 0; attempt < 100 && status != expected; attempt++)
        {
            using var response = await client.GetAsync("/api/v1/users/1");
            status = response.StatusCode;
            if (status != expected)
            {
                await Task.Delay(100);
            }
        }

        return status;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (code, output.ToString(), error.ToString());
    }
}
