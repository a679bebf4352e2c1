using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;

namespace Portal.Tests.Web.Audit;

public sealed class AuditExportTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Export_Admin_StreamsTheFilteredRowsAsCsvAndRecordsTheExport()
    {
        var trail = factory.Services.GetRequiredService<IAuditTrail>();
        await trail.AppendAsync(new AuditRecord(new AuditActor("csv@portal.test", "10.1.1.1"), AuditActions.ModerationApplied, "video:5", "{\"status\":\"visible\"}", "{\"status\":\"removed\"}", "Spam, \"obvious\"\nsecond line"));
        await trail.AppendAsync(new AuditRecord(new AuditActor("csv@portal.test"), AuditActions.RulesPublished, "rules:v1", null, null, null));
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        using var response = await client.GetAsync($"{AuditEndpoints.ExportPath}?actor=csv%40portal.test&action=moderation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("audit-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal(string.Join(",", AuditCsv.Header), lines[0]);
        Assert.Contains(",csv@portal.test,moderation.action-applied,video:5,\"{\"\"status\"\":\"\"visible\"\"}\",\"{\"\"status\"\":\"\"removed\"\"}\",\"Spam, \"\"obvious\"\"\nsecond line\",10.1.1.1,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("rules:v1", csv, StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);

        var exports = await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(Actor: PortalAppFactory.AdminEmail, Action: AuditActions.Exported), 0, 5);
        Assert.Contains(exports.Items, e => e.After == "actor contains \"csv@portal.test\", action moderation");
    }

    [Fact]
    public async Task Export_Moderator_IsSentToAccessDeniedAndTheAttemptIsRecorded()
    {
        const string email = "export-moderator@portal.test";
        await factory.CreateStaffAsync(email, "Export-Moderat0r!", StaffRoles.Moderator);
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, email, "Export-Moderat0r!");

        using var response = await client.GetAsync(AuditEndpoints.ExportPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var denied = await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(Actor: email, Action: AuditActions.AccessDenied), 0, 5);
        var row = Assert.Single(denied.Items);
        Assert.Equal($"endpoint:{AuditEndpoints.ExportPath}", row.Target);
        Assert.Equal($"Needs the {Policies.ViewAudit} permission", row.Reason);
    }
}
