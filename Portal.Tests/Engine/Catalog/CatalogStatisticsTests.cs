using Microsoft.EntityFrameworkCore;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Catalog;

public sealed class CatalogStatisticsTests
{
    [Theory, EachProvider]
    public async Task GetSummary_EmptyDatabase_IsEmpty(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var statistics = new CatalogStatistics(database.Contexts, new FixedTimeProvider(EngineTestDatabase.Anchor));

        var summary = await statistics.GetSummaryAsync();

        Assert.True(summary.IsEmpty);
        Assert.Equal(0, summary.Events);
        Assert.Empty(summary.DailyCounts);
    }

    [Theory, EachProvider]
    public async Task GetSummary_TinyWorld_CountsWhatIsInTheDatabase(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await database.SeedAsync();
        var now = EngineTestDatabase.Anchor;
        var statistics = new CatalogStatistics(database.Contexts, new FixedTimeProvider(now));

        var summary = await statistics.GetSummaryAsync(days: 7);

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.False(summary.IsEmpty);
        Assert.Equal(await db.Videos.LongCountAsync(), summary.Videos);
        Assert.Equal(await db.Creators.LongCountAsync(), summary.Creators);
        Assert.Equal(await db.Sounds.LongCountAsync(), summary.Sounds);
        Assert.Equal(await db.Users.LongCountAsync(), summary.Users);
        Assert.Equal(await db.Events.LongCountAsync(), summary.Events);

        var since = now.AddHours(-24);
        var last24 = await db.Events.LongCountAsync(e => e.At > since && e.At <= now);
        Assert.True(last24 > 0);
        Assert.Equal(last24, summary.EventsLast24Hours);

        Assert.Equal(DateOnly.FromDateTime(now), summary.LastDay);
        Assert.Equal(summary.LastDay.AddDays(-6), summary.FirstDay);
        Assert.All(summary.DailyCounts, c => Assert.InRange(c.Day, summary.FirstDay, summary.LastDay));
        var firstDayStart = summary.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal(await db.Events.LongCountAsync(e => e.At >= firstDayStart), summary.DailyCounts.Sum(c => c.Count));
    }

    [Fact]
    public async Task GetSummary_TwentyFourHourCount_UsesTheIndexOnEventTimes()
    {
        await using var database = await EngineTestDatabase.CreateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();
        var since = EngineTestDatabase.Anchor.AddHours(-24);
        var sql = db.Events.Where(e => e.At > since && e.At <= EngineTestDatabase.Anchor).Select(e => e.Id).ToQueryString();
        var countSql = "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM (" + sql[(sql.IndexOf("SELECT", StringComparison.Ordinal))..] + ")";
        var parameters = sql[..sql.IndexOf("SELECT", StringComparison.Ordinal)];

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = countSql;
        foreach (var line in parameters.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // ToQueryString writes ".param set @name value" lines for SQLite.
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("IX_Events_At", StringComparison.Ordinal));
    }
}
