using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Moderation;
using Portal.Moderation;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Moderation;

/// <summary>Every action and its reversal, seen through the next feed request of the HTTP API; the two-person rule; the audit rows.</summary>
public sealed class ModerationDeskTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    private static readonly StaffCaller Moderator = TestStaff.Caller("mod-one@portal.test", StaffRoles.Moderator);
    private static readonly StaffCaller SecondModerator = TestStaff.Caller("mod-two@portal.test", StaffRoles.Moderator);
    private static readonly StaffCaller Admin = TestStaff.Caller("boss@portal.test", StaffRoles.Admin);

    private ModerationDesk Desk => factory.Services.GetRequiredService<ModerationDesk>();

    [Theory]
    [InlineData(ModerationActionKind.RemoveVideo, "en", "US")]
    [InlineData(ModerationActionKind.RestrictVideo, "en", "GB")]
    public async Task VideoAction_LeavesTheNextFeed_AndItsReversalBringsItBack(ModerationActionKind kind, string language, string country)
    {
        using var client = factory.CreateApiClient();
        var before = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, language, country);
        var video = before[0].VideoId;
        var engine = factory.Services.GetRequiredService<CatalogModeration>();
        var changes = (await engine.HistoryAsync(ModerationSubject.Video, video)).Count;

        var taken = await Desk.TakeAsync(Moderator, new ModerationRequest(kind, video, ModerationReasons.Spam, "Link farm in the caption"));

        Assert.True(taken.Succeeded, taken.Error);
        Assert.Equal(ModerationActionState.Applied, taken.Action!.State);
        var after = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, language, country);
        Assert.DoesNotContain(video, after.Select(i => i.VideoId));
        await AssertAuditedAsync(Moderator, AuditActions.ModerationApplied, $"video:{video}");

        var reversed = await Desk.ReverseAsync(SecondModerator, taken.Action.Id, ModerationReasons.ModeratorError, "Parody account, allowed");

        Assert.True(reversed.Succeeded, reversed.Error);
        var restored = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, language, country);
        Assert.Equal(before.Select(i => i.VideoId), restored.Select(i => i.VideoId));
        await AssertAuditedAsync(SecondModerator, AuditActions.ModerationReversed, $"video:{video}");
        Assert.Equal(changes + 2, (await engine.HistoryAsync(ModerationSubject.Video, video)).Count);
    }

    [Fact]
    public async Task RestrictCreator_AllTheirVideosLeaveFeeds_AndComeBackWhenReversed()
    {
        using var client = factory.CreateApiClient();
        var before = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "es", "ES");
        var creator = before[1].CreatorId;

        var taken = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RestrictCreator, creator, ModerationReasons.RepeatViolations, "Third strike this month"));

        Assert.True(taken.Succeeded, taken.Error);
        Assert.False(taken.Pending);
        var after = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "es", "ES");
        Assert.DoesNotContain(creator, after.Select(i => i.CreatorId));

        Assert.True((await Desk.ReverseAsync(Moderator, taken.Action!.Id, ModerationReasons.AppealUpheld, "Appeal accepted")).Succeeded);
        var restored = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "es", "ES");
        Assert.Contains(creator, restored.Select(i => i.CreatorId));
    }

    [Fact]
    public async Task BanCreator_ByAModerator_WaitsForASecondModerator()
    {
        using var client = factory.CreateApiClient();
        var before = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "pt", "BR");
        var creator = before[2].CreatorId;

        var requested = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.BanCreator, creator, ModerationReasons.Hate, "Slurs in every video"));

        Assert.True(requested.Succeeded, requested.Error);
        Assert.True(requested.Pending);
        Assert.Equal(ModerationActionState.Pending, requested.Action!.State);
        Assert.Contains(creator, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "pt", "BR")).Select(i => i.CreatorId));
        await AssertAuditedAsync(Moderator, AuditActions.ModerationRequested, $"creator:{creator}");

        var again = await Desk.TakeAsync(SecondModerator, new ModerationRequest(ModerationActionKind.BanCreator, creator, ModerationReasons.Hate, "Same"));
        Assert.False(again.Succeeded);
        Assert.Contains("already waiting", again.Error, StringComparison.Ordinal);

        var own = await Desk.ApproveAsync(Moderator, requested.Action.Id, null);
        Assert.False(own.Succeeded);
        Assert.Contains("second, different moderator", own.Error, StringComparison.Ordinal);
        Assert.Contains(creator, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "pt", "BR")).Select(i => i.CreatorId));

        var approved = await Desk.ApproveAsync(SecondModerator, requested.Action.Id, "Agreed");

        Assert.True(approved.Succeeded, approved.Error);
        Assert.Equal(ModerationActionState.Applied, approved.Action!.State);
        Assert.Equal(SecondModerator.Name, approved.Action.DecidedBy);
        Assert.DoesNotContain(creator, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "pt", "BR")).Select(i => i.CreatorId));
        await AssertAuditedAsync(SecondModerator, AuditActions.ModerationApproved, $"creator:{creator}");
        Assert.Equal(CreatorStatus.Banned, (await factory.Services.GetRequiredService<CatalogLookup>().GetCreatorAsync(creator))!.Status);

        Assert.True((await Desk.ReverseAsync(Admin, approved.Action.Id, ModerationReasons.AppealUpheld, "Account recovered from a hijack")).Succeeded);
        Assert.Contains(creator, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "pt", "BR")).Select(i => i.CreatorId));
    }

    [Fact]
    public async Task BlockSound_ByAnAdmin_AppliesAtOnce()
    {
        using var client = factory.CreateApiClient();
        var before = await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "en", "CA");
        var sound = before[3].SoundId;

        var taken = await Desk.TakeAsync(Admin, new ModerationRequest(ModerationActionKind.BlockSound, sound, ModerationReasons.Copyright, "Label takedown notice"));

        Assert.True(taken.Succeeded, taken.Error);
        Assert.False(taken.Pending);
        Assert.DoesNotContain(sound, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "en", "CA")).Select(i => i.SoundId));
        await AssertAuditedAsync(Admin, AuditActions.ModerationApplied, $"sound:{sound}");

        Assert.True((await Desk.ReverseAsync(Moderator, taken.Action!.Id, ModerationReasons.NewInformation, "Licence confirmed")).Succeeded);
        Assert.Contains(sound, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "en", "CA")).Select(i => i.SoundId));
    }

    [Fact]
    public async Task BlockSound_ByAModerator_IsRejectedBySecondModerator_AndNothingChanges()
    {
        using var client = factory.CreateApiClient();
        var sound = (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "en", "AU"))[4].SoundId;

        var requested = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.BlockSound, sound, ModerationReasons.Copyright, "Looks like a ripped track"));
        var rejected = await Desk.RejectAsync(SecondModerator, requested.Action!.Id, "It is the artist's own upload");

        Assert.True(requested.Pending);
        Assert.True(rejected.Succeeded, rejected.Error);
        Assert.Equal(ModerationActionState.Rejected, rejected.Action!.State);
        Assert.Contains(sound, (await ModerationFeeds.FirstBatchOfNewUserAsync(factory, client, "en", "AU")).Select(i => i.SoundId));
        Assert.False((await Desk.ApproveAsync(Admin, requested.Action.Id, null)).Succeeded);
        await AssertAuditedAsync(SecondModerator, AuditActions.ModerationRejected, $"sound:{sound}");
    }

    [Fact]
    public async Task Approve_ClosesTheVideosOpenCasesAndKeepsItVisible()
    {
        var video = await VisibleVideoAsync(offset: 40);
        var intake = factory.Services.GetRequiredService<ReportIntake>();
        var filing = await intake.FileAsync(new NewReport(video, ReportReasons.Misinformation, "Fake cure", null), new AuditActor("api key \"tests\""));

        var approved = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.ApproveVideo, video, ModerationReasons.NoViolation, "It is satire, and says so", filing.CaseId));

        Assert.True(approved.Succeeded, approved.Error);
        var detail = await factory.Services.GetRequiredService<ModerationQueue>().GetAsync(filing.CaseId!.Value);
        Assert.Equal(CaseStatus.Closed, detail!.Case.Status);
        Assert.Equal(Moderator.Name, detail.Case.ClosedBy);
        Assert.StartsWith("Video approved (Breaks no rule)", detail.Case.Resolution, StringComparison.Ordinal);
        Assert.Equal(ModerationStatus.Visible, detail.Video!.Moderation);
    }

    [Fact]
    public async Task Take_WithoutReasonOrNote_OrTwice_IsRefusedInPlainWords()
    {
        var video = await VisibleVideoAsync(offset: 60);

        var noReason = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, "because", "x"));
        var wrongReason = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.NoViolation, "x"));
        var noNote = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Spam, "  "));
        var unknown = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, 987_654, ModerationReasons.Spam, "x"));
        var first = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Spam, "Scam"));
        var second = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Spam, "Scam again"));
        var reverseTwice = await Desk.ReverseAsync(Moderator, first.Action!.Id, ModerationReasons.ModeratorError, "Wrong video");
        var again = await Desk.ReverseAsync(Moderator, first.Action.Id, ModerationReasons.ModeratorError, "Wrong video");

        Assert.StartsWith("Choose a reason from the list", noReason.Error, StringComparison.Ordinal);
        Assert.StartsWith("Choose a reason from the list", wrongReason.Error, StringComparison.Ordinal);
        Assert.StartsWith("Write a note", noNote.Error, StringComparison.Ordinal);
        Assert.Equal("There is no video 987654.", unknown.Error);
        Assert.True(first.Succeeded);
        Assert.Equal("The video is already removed.", second.Error);
        Assert.True(reverseTwice.Succeeded);
        Assert.Equal("This action was reversed already.", again.Error);
    }

    [Fact]
    public async Task Reverse_AfterALaterChange_AsksToReverseTheLaterOneFirst()
    {
        var video = await VisibleVideoAsync(offset: 80);
        var restricted = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RestrictVideo, video, ModerationReasons.Violence, "Graphic"));
        var removed = await Desk.TakeAsync(SecondModerator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Violence, "Worse than it looked"));

        var early = await Desk.ReverseAsync(Moderator, restricted.Action!.Id, ModerationReasons.ModeratorError, "Oops");
        var late = await Desk.ReverseAsync(Moderator, removed.Action!.Id, ModerationReasons.ModeratorError, "Too harsh");

        Assert.False(early.Succeeded);
        Assert.Contains("reverse the later action first", early.Error, StringComparison.Ordinal);
        Assert.True(late.Succeeded);
        Assert.Equal(ModerationStatus.Restricted, (await factory.Services.GetRequiredService<CatalogLookup>().GetVideoAsync(video))!.Moderation);
    }

    [Fact]
    public async Task History_ListsReportsActionsAndEngineChangesInOrder()
    {
        var video = await VisibleVideoAsync(offset: 100);
        var intake = factory.Services.GetRequiredService<ReportIntake>();
        await intake.FileAsync(new NewReport(video, ReportReasons.Spam, "Buy followers", 5), new AuditActor("api key \"tests\""));
        var removed = await Desk.TakeAsync(Moderator, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Spam, "Follower scam"));
        await Desk.ReverseAsync(Admin, removed.Action!.Id, ModerationReasons.AppealUpheld, "Creator proved it was a joke");

        var history = await factory.Services.GetRequiredService<ModerationHistory>().ForAsync(ModerationSubject.Video, video);

        Assert.Equal(
            [HistoryEntryKind.Report, HistoryEntryKind.CaseOpened, HistoryEntryKind.Action, HistoryEntryKind.EngineChange, HistoryEntryKind.CaseClosed, HistoryEntryKind.Action, HistoryEntryKind.EngineChange],
            history.Select(e => e.Kind));
        Assert.Equal("Reported: Spam or scam", history[0].Title);
        Assert.Contains(history, e => e.Title == "Feed status visible → removed" && e.By == Moderator.Name);
        Assert.Contains(history, e => e.Title == "Feed status removed → visible" && e.By == Admin.Name);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task Take_WithoutTheModeratePermission_IsRefusedAndRecorded()
    {
        var auditor = TestStaff.Caller("desk-auditor@portal.test", StaffRoles.Auditor);
        var video = await VisibleVideoAsync(offset: 120);

        var refused = await Desk.TakeAsync(auditor, new ModerationRequest(ModerationActionKind.RemoveVideo, video, ModerationReasons.Spam, "x"));

        Assert.False(refused.Succeeded);
        Assert.Equal("Your roles don't allow this (it needs the Admin or Moderator role). Nothing was changed.", refused.Error);
        Assert.Equal(ModerationStatus.Visible, (await factory.Services.GetRequiredService<CatalogLookup>().GetVideoAsync(video))!.Moderation);
        await AssertAuditedAsync(auditor, AuditActions.AccessDenied, $"video:{video}");
    }

    private async Task<int> VisibleVideoAsync(int offset)
    {
        await using var db = await factory.EngineContexts.CreateDbContextAsync();
        return await db.Videos.Where(v => v.Moderation == ModerationStatus.Visible).OrderBy(v => v.Id).Skip(offset).Select(v => v.Id).FirstAsync();
    }

    private async Task AssertAuditedAsync(StaffCaller actor, string action, string target)
    {
        var rows = await factory.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(actor.Name, action, target), 0, 50);
        Assert.Contains(rows.Items, r => r.Target == target && r.ClientAddress == actor.ClientAddress);
    }
}
