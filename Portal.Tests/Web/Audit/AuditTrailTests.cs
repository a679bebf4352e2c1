using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Npgsql;
using Portal.Auth;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Tests.Web.Audit;

public sealed class AuditTrailTests(PortalAppFactories apps) : IClassFixture<PortalAppFactories>
{

    [Theory, EachProvider]
    public async Task Append_Rows_EachLinksToThePreviousAndTheChainVerifies(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var first = await Trail(factory).AppendAsync(Record("first"));
        var second = await Trail(factory).AppendAsync(Record("second"));

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditHash.Compute(second.PreviousHash, second), second.Hash);
        Assert.Equal(64, second.Hash.Length);
        var verification = await Verifier(factory).VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Null(verification.BrokenId);
    }

    [Theory, EachProvider]
    public async Task Append_ManyAtOnce_TakeTurnsSoTheChainNeverForks(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var appended = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => Trail(factory).AppendAsync(Record($"parallel {i}")))));

        var ids = appended.Select(e => e.Id).Order().ToList();
        Assert.Equal(Enumerable.Range((int)ids[0], ids.Count).Select(i => (long)i), ids);
        Assert.Equal(appended.Length, appended.Select(e => e.PreviousHash).Distinct().Count());
        Assert.True((await Verifier(factory).VerifyAsync()).Intact);
    }

    [Theory, EachProvider]
    public async Task SaveChanges_ModifiedOrDeletedRow_IsRefusedByTheDataLayer(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var entry = await Trail(factory).AppendAsync(Record("keep me"));
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var row = await db.AuditEntries.SingleAsync(e => e.Id == entry.Id);
            row.Reason = "changed";
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Equal(AuditAppendOnlyInterceptor.Message, changed.Message);
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == entry.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            Assert.Equal("keep me", (await db.AuditEntries.SingleAsync(e => e.Id == entry.Id)).Reason);
        }
    }

    [Theory, EachProvider]
    public async Task RawSqlAndBulkUpdates_AreRefusedByTheTableTriggers(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var entry = await Trail(factory).AppendAsync(Record("keep me too"));
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Reason\" = 'changed' WHERE \"Id\" = {0}", entry.Id));
        var bulk = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone else")));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", bulk.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var truncate = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\""));
            Assert.Contains("append-only", truncate.Message, StringComparison.Ordinal);
        }

        var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        Assert.Equal("keep me too", row.Reason);
        Assert.Equal("tests", row.Actor);
    }

    [Theory, EachProvider]
    public async Task Verify_RowEditedInTheDatabase_NamesThatRow(DatabaseProvider provider)
    {
        await using var app = new PortalAppFactory(provider);
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
        {
            rows.Add(await trail.AppendAsync(Record($"row {i}")));
        }

        var verifier = app.Services.GetRequiredService<AuditChainVerifier>();
        Assert.True((await verifier.VerifyAsync()).Intact);
        var tampered = rows[2];

        // Someone with the file, or a superuser's access to the server, switches the trigger off and edits a row.
        await TamperAsync(app, $"UPDATE \"AuditEntries\" SET \"Reason\" = 'nothing to see here' WHERE \"Id\" = {tampered.Id};");

        var result = await verifier.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(tampered.Id, result.BrokenId);
        Assert.Contains($"Row {tampered.Id}'s content does not match its hash", result.Problem, StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task Verify_RowDeletedFromTheDatabase_NamesTheRowAfterTheGap(DatabaseProvider provider)
    {
        await using var app = new PortalAppFactory(provider);
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            rows.Add(await trail.AppendAsync(Record($"row {i}")));
        }

        await TamperAsync(app, $"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {rows[1].Id};");

        var result = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(rows[2].Id, result.BrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Theory, EachProvider]
    public async Task Verify_ThroughTheReview_IsRecordedAndRefusedWithoutThePermission(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var review = factory.Services.GetRequiredService<AuditReview>();

        var allowed = await review.VerifyAsync(TestStaff.Caller("auditor@portal.test", StaffRoles.Auditor));
        var refused = await review.VerifyAsync(TestStaff.Caller("pm@portal.test", StaffRoles.ProductManager));

        Assert.NotNull(allowed);
        Assert.True(allowed.Intact);
        Assert.Null(refused);
        var log = factory.Services.GetRequiredService<AuditLog>();
        var verified = (await log.SearchAsync(new AuditFilter(Actor: "auditor@portal.test", Action: AuditActions.ChainVerified), 0, 10)).Items;
        Assert.Single(verified);
        Assert.StartsWith("Intact", verified[0].After, StringComparison.Ordinal);
        var denied = (await log.SearchAsync(new AuditFilter(Actor: "pm@portal.test", Action: AuditActions.AccessDenied), 0, 10)).Items;
        Assert.Equal("audit:chain", Assert.Single(denied).Target);
    }

    [Theory, EachProvider]
    public async Task Search_Filters_ByActorActionAreaTargetAndTime(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var start = DateTime.UtcNow.AddSeconds(-1);
        await Trail(factory).AppendAsync(new AuditRecord(new AuditActor("filter-a@portal.test", "10.0.0.1"), AuditActions.ModerationApplied, "video:901", "{\"status\":\"visible\"}", "{\"status\":\"removed\"}", "spam"));
        await Trail(factory).AppendAsync(new AuditRecord(new AuditActor("filter-b@portal.test"), AuditActions.CaseAssigned, "case:77", null, "filter-b@portal.test", null));
        await Trail(factory).AppendAsync(new AuditRecord(new AuditActor("filter-a@portal.test"), AuditActions.RulesPublished, "rules:v9", null, null, "why_not 100%"));
        var log = factory.Services.GetRequiredService<AuditLog>();

        Assert.Equal(2, (await log.SearchAsync(new AuditFilter(Actor: "FILTER-A"), 0, 10)).Total);
        Assert.Equal(2, (await log.SearchAsync(new AuditFilter(Actor: "filter-", Action: "moderation"), 0, 10)).Total);
        Assert.Equal("video:901", Assert.Single((await log.SearchAsync(new AuditFilter(Target: "video:90"), 0, 10)).Items).Target);
        Assert.Empty((await log.SearchAsync(new AuditFilter(Actor: "filter-", To: start), 0, 10)).Items);
        Assert.Equal(3, (await log.SearchAsync(new AuditFilter(Actor: "filter-", From: start), 0, 10)).Total);
        // LIKE wildcards in the filter are taken literally.
        Assert.Empty((await log.SearchAsync(new AuditFilter(Actor: "filter_a"), 0, 10)).Items);
        var page = await log.SearchAsync(new AuditFilter(Actor: "filter-"), 1, 2);
        Assert.Equal(3, page.Total);
        Assert.Single(page.Items);
    }

    private static IAuditTrail Trail(PortalAppFactory app) => app.Services.GetRequiredService<IAuditTrail>();

    private static AuditChainVerifier Verifier(PortalAppFactory app) => app.Services.GetRequiredService<AuditChainVerifier>();

    private static AuditRecord Record(string reason) => new(new AuditActor("tests", "127.0.0.1"), AuditActions.RulesPublished, "rules:test", "{\"a\":1}", "{\"a\":2}", reason);

    /// <summary>
    /// Runs <paramref name="statement"/> on the audit table past its triggers, as someone with direct access would:
    /// on SQLite opening the file and dropping them; on PostgreSQL as a superuser, switching them off for the table.
    /// </summary>
    private static async Task TamperAsync(PortalAppFactory app, string statement)
    {
        await using DbConnection connection = app.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(app.PostgresDatabase)
            : new SqliteConnection($"Data Source={app.PortalDatabasePath};Pooling=False");
        await connection.OpenAsync();
        string[] statements = app.Provider == DatabaseProvider.PostgreSql
            ? ["ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;", statement, "ALTER TABLE \"AuditEntries\" ENABLE TRIGGER USER;"]
            : ["DROP TRIGGER AuditEntries_NoUpdate;", "DROP TRIGGER AuditEntries_NoDelete;", statement];
        foreach (var text in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await command.ExecuteNonQueryAsync();
        }
    }
}
