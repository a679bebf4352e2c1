using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task Initialize_EmptyDatabase_AppliesEveryMigrationAndSwitchesToWal()
    {
        await using var database = await EngineTestDatabase.CreateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());

        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Videos", tables);
        Assert.Contains("Events", tables);
        Assert.Contains("AppUsers", tables);
        Assert.Contains("VideoHashtags", tables);
    }

    [Fact]
    public async Task Initialize_EmptyPostgresDatabase_AppliesEveryMigrationWithItsOwnHistoryTable()
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            Assert.IsType<PostgresEngineDbContext>(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Videos", tables);
        Assert.Contains("Events", tables);
        Assert.Contains("AppUsers", tables);
        Assert.Contains("__EFMigrationsHistory_Engine", tables);
        Assert.DoesNotContain("__EFMigrationsHistory", tables);
    }

    [Theory, EachProvider]
    public async Task Model_MatchesTheCheckedInMigrations(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one with dotnet ef migrations add (for each provider's context)");
    }

    [Theory, EachProvider]
    public async Task Initialize_Twice_IsHarmless(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);

        await database.Services.GetRequiredService<Portal.Engine.Storage.DatabaseInitializer>().InitializeAsync();
    }

    [Fact]
    public async Task Connection_HasABusyTimeoutAndForeignKeys()
    {
        await using var database = await EngineTestDatabase.CreateAsync(new Dictionary<string, string?> { ["Engine:Storage:BusyTimeoutMilliseconds"] = "4321" });
        await using var db = await database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(4321L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
