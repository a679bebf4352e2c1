using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Auth.ApiKeys;
using Portal.Components.Pages.Rules;
using Portal.Engine.Diversity;

namespace Portal.Tests.Web.Audit;

/// <summary>Each kind of staff action writes its row: who, what, target, before and after, reason, time and address.</summary>
public sealed class AuditedActionsTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    private AuditLog Log => factory.Services.GetRequiredService<AuditLog>();

    [Fact]
    public async Task SignIn_FailedAndSucceeded_AreRecorded_AndSignOutToo()
    {
        const string email = "audited-signin@portal.test";
        const string password = "Audited-S1gnIn!";
        await factory.CreateStaffAsync(email, password, StaffRoles.Auditor);
        using var client = factory.CreateBrowserlikeClient();

        using var failed = await StaffSignIn.PostAsync(client, email, "wrong password");
        await StaffSignIn.SignInAsync(client, email, password);
        var form = StaffSignIn.HiddenInputs(await client.GetStringAsync("/Account/AccessDenied"));
        using var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var rows = (await Log.SearchAsync(new AuditFilter(Actor: email, Action: "staff"), 0, 20)).Items.OrderBy(r => r.Id).ToList();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignedIn, AuditActions.SignedOut], rows.Select(r => r.Action));
        Assert.Equal("Wrong email or password", rows[0].Reason);
        Assert.All(rows, r => Assert.Equal($"staff:{email}", r.Target));
        Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, r.At.Kind));
    }

    [Fact]
    public async Task StaffChanges_CreateRolesUnlock_AreRecordedWithBeforeAndAfter()
    {
        var admin = TestStaff.Caller("audited-admin@portal.test", StaffRoles.Admin);
        var directory = factory.Services.GetRequiredService<StaffDirectory>();
        const string email = "audited-staff@portal.test";

        var created = await directory.CreateAsync(admin, new NewStaffAccount { Email = email, DisplayName = "Audited Staff", Password = "Audited-Staff-1!", Roles = [StaffRoles.Moderator] });
        var account = (await directory.GetPageAsync(0, 200)).Items.Single(a => a.Email == email);
        var roles = await directory.SetRolesAsync(admin, account.Id, [StaffRoles.Moderator, StaffRoles.Auditor]);
        var unlocked = await directory.UnlockAsync(admin, account.Id);

        Assert.True(created.Succeeded && roles.Succeeded && unlocked.Succeeded);
        var rows = (await Log.SearchAsync(new AuditFilter(Actor: admin.Name, Target: $"staff:{email}"), 0, 20)).Items.OrderBy(r => r.Id).ToList();
        Assert.Equal([AuditActions.StaffCreated, AuditActions.StaffRolesChanged, AuditActions.StaffUnlocked], rows.Select(r => r.Action));
        Assert.Contains("\"roles\":[\"Moderator\"]", rows[0].After, StringComparison.Ordinal);
        Assert.Equal("[\"Moderator\"]", rows[1].Before);
        Assert.Equal("[\"Moderator\",\"Auditor\"]", rows[1].After);
        Assert.All(rows, r => Assert.Equal(admin.ClientAddress, r.ClientAddress));
    }

    [Fact]
    public async Task RulesPublishedAndRolledBack_AreRecordedWithBothVersions()
    {
        var manager = TestStaff.Caller("audited-pm@portal.test", StaffRoles.ProductManager);
        var store = factory.Services.GetRequiredService<DiversityRulesStore>();
        var before = store.Active;
        await using var scope = factory.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<RulesPublisher>();

        var published = await publisher.PublishAsync(manager, before.Rules with { SoundCooldown = before.Rules.SoundCooldown + 2 }, "Fewer repeated sounds");
        var rolledBack = await publisher.RollbackAsync(manager, before.Version, "Back to how it was");

        Assert.True(published.Succeeded && rolledBack.Succeeded);
        var rows = (await Log.SearchAsync(new AuditFilter(Actor: manager.Name, Action: "rules"), 0, 20)).Items.OrderBy(r => r.Id).ToList();
        Assert.Equal([AuditActions.RulesPublished, AuditActions.RulesRolledBack], rows.Select(r => r.Action));
        Assert.Equal($"rules:v{published.Published!.Version}", rows[0].Target);
        Assert.Contains($"\"version\":{before.Version}", rows[0].Before, StringComparison.Ordinal);
        Assert.Contains($"\"soundCooldown\":{before.Rules.SoundCooldown + 2}", rows[0].After, StringComparison.Ordinal);
        Assert.Equal("Fewer repeated sounds", rows[0].Reason);
        Assert.EndsWith("Back to how it was", rows[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyCreatedAndRevoked_AreRecorded_FromThePageAndFromTheCommandLine()
    {
        var admin = TestStaff.Caller("audited-keys@portal.test", StaffRoles.Admin);
        var keys = factory.Services.GetRequiredService<ApiKeyDirectory>();

        var created = await keys.CreateAsync(admin, "audited-app");
        var revoked = await keys.RevokeAsync(admin, created.Key!.Id, "App retired");
        var fromTool = await keys.CreateAsync("audited-tool", "command line");

        Assert.True(created.Succeeded && revoked.Succeeded && fromTool.Succeeded);
        var rows = (await Log.SearchAsync(new AuditFilter(Action: "api-key", Target: "api-key:audited-"), 0, 20)).Items.OrderBy(r => r.Id).ToList();
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyRevoked, AuditActions.ApiKeyCreated], rows.Select(r => r.Action));
        Assert.Equal([admin.Name, admin.Name, "command line"], rows.Select(r => r.Actor));
        Assert.Equal("App retired", rows[1].Reason);
        Assert.Contains("\"status\":\"revoked\"", rows[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret!, string.Join(" ", rows.Select(r => r.After)), StringComparison.Ordinal);
        Assert.Null(rows[2].ClientAddress);
    }

    [Fact]
    public async Task Everything_LeavesTheChainIntact()
    {
        await factory.Services.GetRequiredService<IAuditTrail>().AppendAsync(new AuditRecord(new AuditActor("chain@portal.test"), AuditActions.SignedIn, "staff:chain@portal.test", null, null, null));

        var verification = await factory.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();

        Assert.True(verification.Intact, verification.Problem);
        Assert.True(verification.RowsChecked > 1);
    }
}
