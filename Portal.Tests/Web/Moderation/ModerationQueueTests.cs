using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Moderation;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Moderation;

public sealed class ModerationQueueTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private const string ModeratorEmail = "queue-mod@portal.test";

    private ModerationQueue Queue => factory.Services.GetRequiredService<ModerationQueue>();

    private ReportIntake Intake => factory.Services.GetRequiredService<ReportIntake>();

    [Fact]
    public async Task Search_ByStatusReasonAndAssignee_PagedOnTheServer_OldestFirst()
    {
        await EnsureModeratorAsync();
        var moderator = TestStaff.Caller(ModeratorEmail, StaffRoles.Moderator);
        var spam1 = await ReportAsync(201, ReportReasons.Spam);
        var hate = await ReportAsync(202, ReportReasons.Hate);
        var spam2 = await ReportAsync(203, ReportReasons.Spam);
        await ReportAsync(203, ReportReasons.Copyright);
        var closed = await ReportAsync(204, ReportReasons.Spam);
        Assert.True((await Queue.AssignAsync(moderator, spam2, ModeratorEmail)).Succeeded);
        Assert.True((await Queue.SetStatusAsync(moderator, hate, CaseStatus.Escalated, "Possible legal issue")).Succeeded);
        Assert.True((await Queue.SetStatusAsync(moderator, closed, CaseStatus.Closed, "Duplicate of an older report")).Succeeded);
        int[] mine = [spam1, hate, spam2, closed];

        async Task<List<int>> IdsAsync(CaseQuery query) =>
            (await Queue.SearchAsync(query, 0, 100)).Items.Where(c => mine.Contains(c.Id)).Select(c => c.Id).ToList();

        Assert.Equal([spam1, hate, spam2], await IdsAsync(new CaseQuery()));
        Assert.Equal([spam1, spam2], await IdsAsync(new CaseQuery(Reason: ReportReasons.Spam)));
        Assert.Equal([spam2], await IdsAsync(new CaseQuery(Reason: ReportReasons.Copyright)));
        Assert.Equal([hate], await IdsAsync(new CaseQuery(CaseStatusFilter.Escalated)));
        Assert.Equal([spam1, spam2], await IdsAsync(new CaseQuery(CaseStatusFilter.Open)));
        Assert.Equal([closed], await IdsAsync(new CaseQuery(CaseStatusFilter.Closed)));
        Assert.Equal([spam1, hate, spam2, closed], await IdsAsync(new CaseQuery(CaseStatusFilter.All)));
        Assert.Equal([spam2], await IdsAsync(new CaseQuery(AssignedTo: ModeratorEmail)));
        Assert.DoesNotContain(spam2, await IdsAsync(new CaseQuery(AssignedTo: CaseQuery.Unassigned)));
        Assert.Contains(spam1, await IdsAsync(new CaseQuery(AssignedTo: CaseQuery.Unassigned)));

        var row = (await Queue.SearchAsync(new CaseQuery(Reason: ReportReasons.Copyright), 0, 100)).Items.Single(c => c.Id == spam2);
        Assert.Equal([ReportReasons.Spam, ReportReasons.Copyright], row.Reasons);
        Assert.Equal(2, row.ReportCount);
        Assert.Equal(203, row.Video!.Id);

        var all = await Queue.SearchAsync(new CaseQuery(CaseStatusFilter.All), 0, 100);
        var second = await Queue.SearchAsync(new CaseQuery(CaseStatusFilter.All), 1, 2);
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Items.Skip(2).Take(2).Select(c => c.Id), second.Items.Select(c => c.Id));
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.OpenedAt <= p.Second.OpenedAt));
    }

    [Fact]
    public async Task Assign_ToMeThenNobody_IsRecorded_AndOnlyModeratorsCanTakeCases()
    {
        await EnsureModeratorAsync();
        var moderator = TestStaff.Caller(ModeratorEmail, StaffRoles.Moderator);
        var caseId = await ReportAsync(210, ReportReasons.Violence);

        var assigned = await Queue.AssignAsync(moderator, caseId, ModeratorEmail);
        var toAuditor = await Queue.AssignAsync(moderator, caseId, "nobody@portal.test");
        var byManager = await Queue.AssignAsync(TestStaff.As(StaffRoles.ProductManager), caseId, null);

        Assert.True(assigned.Succeeded);
        Assert.Equal(ModeratorEmail, (await Queue.GetAsync(caseId))!.Case.AssignedTo);
        Assert.Equal("nobody@portal.test is not a moderator, so the case cannot be assigned to them.", toAuditor.Error);
        Assert.False(byManager.Succeeded);
        Assert.Equal(ModeratorEmail, (await Queue.GetAsync(caseId))!.Case.AssignedTo);

        Assert.True((await Queue.AssignAsync(moderator, caseId, null)).Succeeded);
        Assert.Null((await Queue.GetAsync(caseId))!.Case.AssignedTo);
        var log = factory.Services.GetRequiredService<AuditLog>();
        var rows = (await log.SearchAsync(new AuditFilter(Action: AuditActions.CaseAssigned, Target: $"case:{caseId}"), 0, 10)).Items;
        Assert.Equal([("unassigned", ModeratorEmail), (ModeratorEmail, "unassigned")], rows.OrderBy(r => r.Id).Select(r => (r.Before, r.After)));
        Assert.Single((await log.SearchAsync(new AuditFilter(Actor: "productmanager@portal.test", Action: AuditActions.AccessDenied, Target: $"case:{caseId}"), 0, 10)).Items);
    }

    [Fact]
    public async Task SetStatus_NeedsANote_AndCannotReopenBesideAnotherOpenCase()
    {
        var moderator = TestStaff.As(StaffRoles.Moderator);
        var caseId = await ReportAsync(220, ReportReasons.SelfHarm);

        var noNote = await Queue.SetStatusAsync(moderator, caseId, CaseStatus.Escalated, " ");
        var escalated = await Queue.SetStatusAsync(moderator, caseId, CaseStatus.Escalated, "Needs the wellbeing team");
        var closed = await Queue.SetStatusAsync(moderator, caseId, CaseStatus.Closed, "Wellbeing team reached out");
        var newer = await ReportAsync(220, ReportReasons.SelfHarm);
        var reopen = await Queue.SetStatusAsync(moderator, caseId, CaseStatus.Open, "Reopening");

        Assert.StartsWith("Write a note", noNote.Error, StringComparison.Ordinal);
        Assert.True(escalated.Succeeded);
        Assert.True(closed.Succeeded);
        Assert.NotEqual(caseId, newer);
        Assert.Equal("Another case about this video is open; add to that one instead of reopening this.", reopen.Error);
        var detail = (await Queue.GetAsync(caseId))!.Case;
        Assert.Equal("Closed without action: Wellbeing team reached out", detail.Resolution);
        var changes = (await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(Action: AuditActions.CaseStatusChanged, Target: $"case:{caseId}"), 0, 10)).Items;
        Assert.Equal([("Open", "Escalated"), ("Escalated", "Closed")], changes.OrderBy(r => r.Id).Select(r => (r.Before, r.After)));
    }

    [Fact]
    public async Task FileAsStaff_NeedsReportContent_AndIsRecorded()
    {
        var manager = TestStaff.As(StaffRoles.ProductManager);
        var auditor = TestStaff.As(StaffRoles.Auditor);

        var filed = await Intake.FileAsync(manager, new NewReport(230, ReportReasons.Misinformation, "Fake election date", null));
        var refused = await Intake.FileAsync(auditor, new NewReport(230, ReportReasons.Spam, null, null));

        Assert.True(filed.Succeeded);
        Assert.False(refused.Succeeded);
        var detail = await Queue.GetAsync(filed.CaseId!.Value);
        Assert.Equal("productmanager@portal.test", Assert.Single(detail!.Reports).ReportedBy);
        var log = factory.Services.GetRequiredService<AuditLog>();
        Assert.Single((await log.SearchAsync(new AuditFilter(Actor: "productmanager@portal.test", Action: AuditActions.ReportFiled, Target: "video:230"), 0, 5)).Items);
        Assert.Single((await log.SearchAsync(new AuditFilter(Actor: "auditor@portal.test", Action: AuditActions.AccessDenied, Target: "video:230"), 0, 5)).Items);
    }

    [Fact]
    public async Task PendingActions_AndCounts_ShowWhatWaits()
    {
        var desk = factory.Services.GetRequiredService<ModerationDesk>();
        var before = await Queue.CountsAsync();
        var caseId = await ReportAsync(240, ReportReasons.Hate);
        var detail = await Queue.GetAsync(caseId);

        var requested = await desk.TakeAsync(TestStaff.As(StaffRoles.Moderator), new ModerationRequest(ModerationActionKind.BanCreator, detail!.Video!.CreatorId, ModerationReasons.Hate, "Hateful channel", caseId));

        var after = await Queue.CountsAsync();
        Assert.True(requested.Pending);
        Assert.Equal(before.Open + 1, after.Open);
        Assert.Equal(before.PendingActions + 1, after.PendingActions);
        Assert.Contains(await Queue.PendingActionsAsync(), a => a.Id == requested.Action!.Id && a.CaseId == caseId);
        Assert.Equal(CaseStatus.Open, (await Queue.GetAsync(caseId))!.Case.Status);
        Assert.Contains((await Queue.GetAsync(caseId))!.Actions, a => a.Id == requested.Action!.Id);
    }

    private async Task<int> ReportAsync(int videoId, string reason)
    {
        var filing = await Intake.FileAsync(new NewReport(videoId, reason, null, null), new AuditActor("api key \"queue-tests\""));
        Assert.True(filing.Succeeded, string.Join(" ", filing.Errors.SelectMany(e => e.Value)));
        return filing.CaseId!.Value;
    }

    private async Task EnsureModeratorAsync()
    {
        if (!(await Queue.ModeratorsAsync()).Contains(ModeratorEmail))
        {
            await factory.CreateStaffAsync(ModeratorEmail, "Queue-Moderat0r!", StaffRoles.Moderator);
        }
    }
}
