using System.Net;

namespace Portal.Tests.Web.Health;

public sealed class HealthEndpointTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Get_Anonymous_BothDatabasesReachable_Returns200Healthy()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_EngineDatabaseUnreachable_Returns503()
    {
        await using var broken = new PortalAppFactory();
        using var client = broken.CreateBrowserlikeClient();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(broken.EngineDatabasePath);
        Directory.CreateDirectory(broken.EngineDatabasePath);

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
