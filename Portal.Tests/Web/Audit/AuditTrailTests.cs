using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Storage;

namespace Portal.Tests.Web.Audit;

public sealed class AuditTrailTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private IAuditTrail Trail => factory.Services.GetRequiredService<IAuditTrail>();

    private AuditChainVerifier Verifier => factory.Services.GetRequiredService<AuditChainVerifier>();

    [Fact]
    public async Task Append_Rows_EachLinksToThePreviousAndTheChainVerifies()
    {
        var first = await Trail.AppendAsync(Record("first"));
        var second = await Trail.AppendAsync(Record("second"));

        Assert.Equal(first.Id + 1, second.Id);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditHash.Compute(second.PreviousHash, second), second.Hash);
        Assert.Equal(64, second.Hash.Length);
        var verification = await Verifier.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Null(verification.BrokenId);
    }

    [Fact]
    public async Task Append_ManyAtOnce_TakeTurnsSoTheChainNeverForks()
    {
        var appended = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => Trail.AppendAsync(Record($"parallel {i}")))));

        var ids = appended.Select(e => e.Id).Order().ToList();
        Assert.Equal(Enumerable.Range((int)ids[0], ids.Count).Select(i => (long)i), ids);
        Assert.Equal(appended.Length, appended.Select(e => e.PreviousHash).Distinct().Count());
        Assert.True((await Verifier.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task SaveChanges_ModifiedOrDeletedRow_IsRefusedByTheDataLayer()
    {
        var entry = await Trail.AppendAsync(Record("keep me"));
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

    [Fact]
    public async Task RawSqlAndBulkUpdates_AreRefusedByTheTableTriggers()
    {
        var entry = await Trail.AppendAsync(Record("keep me too"));
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Reason = 'changed' WHERE Id = {0}", entry.Id));
        var bulk = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone else")));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteDeleteAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", bulk.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        Assert.Equal("keep me too", row.Reason);
        Assert.Equal("tests", row.Actor);
    }

    [Fact]
    public async Task Verify_RowEditedInTheFile_NamesThatRow()
    {
        await using var app = new PortalAppFactory();
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
        {
            rows.Add(await trail.AppendAsync(Record($"row {i}")));
        }

        var verifier = app.Services.GetRequiredService<AuditChainVerifier>();
        Assert.True((await verifier.VerifyAsync()).Intact);
        var tampered = rows[2];

        // Someone with the file drops the trigger and edits a row.
        await ExecuteOnFileAsync(app.PortalDatabasePath,
            "DROP TRIGGER AuditEntries_NoUpdate;",
            $"UPDATE AuditEntries SET Reason = 'nothing to see here' WHERE Id = {tampered.Id};");

        var result = await verifier.VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(tampered.Id, result.BrokenId);
        Assert.Contains($"Row {tampered.Id}'s content does not match its hash", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RowDeletedFromTheFile_NamesTheRowAfterTheGap()
    {
        await using var app = new PortalAppFactory();
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        var rows = new List<AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            rows.Add(await trail.AppendAsync(Record($"row {i}")));
        }

        await ExecuteOnFileAsync(app.PortalDatabasePath, "DROP TRIGGER AuditEntries_NoDelete;", $"DELETE FROM AuditEntries WHERE Id = {rows[1].Id};");

        var result = await app.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(rows[2].Id, result.BrokenId);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ThroughTheReview_IsRecordedAndRefusedWithoutThePermission()
    {
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

    [Fact]
    public async Task Search_Filters_ByActorActionAreaTargetAndTime()
    {
        var start = DateTime.UtcNow.AddSeconds(-1);
        await Trail.AppendAsync(new AuditRecord(new AuditActor("filter-a@portal.test", "10.0.0.1"), AuditActions.ModerationApplied, "video:901", "{\"status\":\"visible\"}", "{\"status\":\"removed\"}", "spam"));
        await Trail.AppendAsync(new AuditRecord(new AuditActor("filter-b@portal.test"), AuditActions.CaseAssigned, "case:77", null, "filter-b@portal.test", null));
        await Trail.AppendAsync(new AuditRecord(new AuditActor("filter-a@portal.test"), AuditActions.RulesPublished, "rules:v9", null, null, "why_not 100%"));
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

    private static AuditRecord Record(string reason) => new(new AuditActor("tests", "127.0.0.1"), AuditActions.RulesPublished, "rules:test", "{\"a\":1}", "{\"a\":2}", reason);

    private static async Task ExecuteOnFileAsync(string path, params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }
}
