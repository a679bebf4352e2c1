using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Faults;

/// <summary>A database held locked by someone else: requests wait their turn (busy timeout and the write queue) instead of failing.</summary>
public sealed class BusyDatabaseTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Fact]
    public async Task LockedForASecondAndAHalf_WritesWaitAndSucceed_FeedsKeepServing()
    {
        using var client = factory.CreateApiClient();
        var before = await factory.CountEventsAsync();
        await using var blocker = new SqliteConnection($"Data Source={factory.EngineDatabasePath}");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var at = DateTime.UtcNow.AddSeconds(-5);
        var writes = Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync("/api/v1/events", new { events = new[] { new { userId = 1 + i, videoId = 20 + i, kind = "like", at } } })).ToList();
        var reads = Enumerable.Range(0, 10).Select(i => client.GetAsync($"/api/v1/users/{1 + i}/feed")).ToList();

        // Feeds read from memory and keep serving while the file is locked.
        foreach (var read in reads)
        {
            using var response = await read;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Task.Delay(1_500);
        Assert.All(writes, w => Assert.False(w.IsCompleted, "a write finished while the database was locked"));
        await using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }

        foreach (var write in writes)
        {
            using var response = await write;
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.Equal(before + 10, await factory.CountEventsAsync());
    }
}
