using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Moderation;

namespace Portal.Tests.Browser;

/// <summary>Moderation, the audit log and served-feed replay in real Chromium, with screenshots in light and dark mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TrustSafetyBrowserTests(PortalBrowserFixture fixture)
{
    private const string ModeratorEmail = "browser-moderator@portal.test";
    private const string ModeratorPassword = "Browser-Moderat0r!";
    private const string SecondModeratorEmail = "browser-second@portal.test";
    private const string AuditorEmail = "browser-auditor@portal.test";
    private const string AuditorPassword = "Browser-Audit0r!!";

    [Fact]
    public async Task Moderator_RemovesAPreviewedVideo_TheNextPreviewLacksIt_AndTheAuditShowsItWithAnIntactChain()
    {
        await EnsureStaffAsync();
        var page = await fixture.NewPageAsync(email: ModeratorEmail, password: ModeratorPassword);

        // A user's preview; remove its first video from the card, with a reason and a note.
        await page.GotoAsync("/users/9");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        var before = await PreviewAsync(page);
        var card = page.Locator("[data-testid=preview-batch] [data-testid=video-card]").First;
        var videoId = await card.GetAttributeAsync("data-video-id");
        await card.Locator("[data-testid=card-remove]").ClickAsync();
        await page.Locator("[data-testid=moderation-action-dialog]").WaitForAsync();
        await ChooseAsync(page, "[data-testid=action-reason]", "Spam or scam");
        await page.Locator("[data-testid=action-note] textarea, textarea[data-testid=action-note]").First.FillAsync("Sells fake followers in the caption and the comments.");
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, "moderation-remove-dialog.png") });
        await page.ClickAsync("[data-testid=confirm-action]");
        await card.Locator("[data-testid=moderated]").WaitForAsync();

        var after = await PreviewAsync(page);
        Assert.Contains(videoId, before);
        Assert.DoesNotContain(videoId, after);

        // Recorded with who and from where: the address of the browser that opened the page.
        var log = fixture.App.Services.GetRequiredService<AuditLog>();
        var recorded = (await log.SearchAsync(new AuditFilter(ModeratorEmail, AuditActions.ModerationApplied, $"video:{videoId}"), 0, 5)).Items;
        Assert.Equal("127.0.0.1", Assert.Single(recorded).ClientAddress);
        Assert.Contains((await log.SearchAsync(new AuditFilter(ModeratorEmail, AuditActions.SignedIn), 0, 5)).Items, r => r.ClientAddress == "127.0.0.1");

        // Opening a page the roles do not allow, from inside the session, is refused and recorded too.
        await page.EvaluateAsync("() => Blazor.navigateTo('/audit')");
        await page.Locator("[data-testid=access-denied]").WaitForAsync();
        Assert.Contains((await log.SearchAsync(new AuditFilter(ModeratorEmail, AuditActions.AccessDenied, "page:/audit"), 0, 5)).Items, r => r.ClientAddress == "127.0.0.1");

        // The video's history says what happened, in order.
        await page.GotoAsync($"/moderation/videos/{videoId}");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=history-entry][data-kind=EngineChange]").WaitForAsync();
        Assert.Equal("removed", await page.Locator("[data-testid=video-summary] [data-testid=video-status]").GetAttributeAsync("data-status"));
        await page.Locator("[data-testid=history-entry] >> text=Video removed").WaitForAsync();
        await ScreenshotAsync(page, "moderation-video-history");
        await page.Context.CloseAsync();

        // An auditor finds the action in the audit log and checks the chain.
        var auditor = await fixture.NewPageAsync(email: AuditorEmail, password: AuditorPassword);
        await auditor.GotoAsync("/audit");
        await PortalBrowserFixture.WaitForInteractiveAsync(auditor);
        await auditor.Locator("[data-testid=audit-row]").First.WaitForAsync();
        await auditor.Locator("[data-testid=filter-target] input, input[data-testid=filter-target]").First.FillAsync($"video:{videoId}");
        var row = auditor.Locator($"[data-testid=audit-grid] tr:has([data-action='{AuditActions.ModerationApplied}'])");
        await row.First.WaitForAsync();
        Assert.Contains(ModeratorEmail, await row.First.InnerTextAsync(), StringComparison.Ordinal);
        await auditor.ClickAsync("[data-testid=verify-chain]");
        var result = auditor.Locator("[data-testid=chain-result]");
        await result.WaitForAsync();
        Assert.Equal("true", await result.GetAttributeAsync("data-intact"));
        Assert.Contains("The chain is intact", await result.InnerTextAsync(), StringComparison.Ordinal);
        await auditor.Locator("[data-testid=clear-filters]").ClickAsync();
        await auditor.Locator($"[data-testid=audit-row][data-action='{AuditActions.ChainVerified}']").First.WaitForAsync();
        await ScreenshotAsync(auditor, "audit-log");

        // A row's details: before, after and its place in the chain.
        await auditor.Locator($"[data-testid=audit-row][data-action='{AuditActions.ChainVerified}']").First.ClickAsync();
        await auditor.Locator("[data-testid=audit-entry-dialog]").WaitForAsync();
        await auditor.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_ShowsCasesOldestFirst_WhoIsLooking_AndPendingApprovals_LightAndDark()
    {
        await EnsureStaffAsync();
        var services = fixture.App.Services;
        var intake = services.GetRequiredService<ReportIntake>();
        var app = new AuditActor("api key \"ios-app\"", "203.0.113.7");
        var cases = new List<int>();
        foreach (var (video, reason, text) in new[]
        {
            (31, ReportReasons.Spam, "Promises free followers if you follow a link"),
            (32, ReportReasons.Harassment, "Mocks a classmate by name"),
            (33, ReportReasons.Misinformation, "Claims a cure for a disease"),
            (34, ReportReasons.Copyright, "Full episode of a TV show"),
            (35, ReportReasons.Violence, null),
        })
        {
            var filing = await intake.FileAsync(new NewReport(video, reason, text, 12), app);
            cases.Add(filing.CaseId!.Value);
        }

        await intake.FileAsync(new NewReport(31, ReportReasons.Spam, "Same scam again", 14), app);
        var queue = services.GetRequiredService<ModerationQueue>();
        var moderator = TestCaller(ModeratorEmail, StaffRoles.Moderator);
        await queue.AssignAsync(moderator, cases[1], ModeratorEmail);
        await queue.SetStatusAsync(moderator, cases[2], CaseStatus.Escalated, "Health claim: needs the medical policy team");
        var detail = await queue.GetAsync(cases[3]);
        await services.GetRequiredService<ModerationDesk>().TakeAsync(moderator, new ModerationRequest(ModerationActionKind.BanCreator, detail!.Video!.CreatorId, ModerationReasons.Copyright, "Uploads whole episodes every day", cases[3]));

        // A second moderator has case 1 open: the queue shows them.
        var second = await fixture.NewPageAsync(email: SecondModeratorEmail, password: ModeratorPassword);
        await second.GotoAsync($"/moderation/cases/{cases[0]}");
        await PortalBrowserFixture.WaitForInteractiveAsync(second);
        await second.Locator("[data-testid=case-reports]").WaitForAsync();

        var page = await fixture.NewPageAsync(email: ModeratorEmail, password: ModeratorPassword);
        await page.ClickAsync("nav >> text=Moderation");
        await page.WaitForURLAsync("**/moderation");
        await page.Locator("[data-testid=case-link]").First.WaitForAsync();
        var presence = page.Locator($"[data-testid=presence-avatar][data-email='{SecondModeratorEmail}']");
        await presence.WaitForAsync();
        await page.Locator("[data-testid=pending-action]").First.WaitForAsync();
        await ScreenshotAsync(page, "moderation-queue");

        // Filters run on the server; "assign to me" takes a case.
        await ChooseAsync(page, "[data-testid=filter-reason]", "Spam or scam");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=queue-grid] tbody tr')].every(tr => tr.innerText.includes('Spam or scam'))");
        var assign = page.Locator("[data-testid=assign-to-me]").First;
        await assign.ClickAsync();
        await page.Locator("[data-testid=assignee] >> text=You").First.WaitForAsync();

        // When the second moderator leaves the case, their avatar goes.
        await second.GotoAsync("/");
        await presence.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The second moderator approves the ban asked for by the first.
        await second.GotoAsync("/moderation");
        await PortalBrowserFixture.WaitForInteractiveAsync(second);
        await second.Locator("[data-testid=pending-action] [data-testid=approve-pending]").First.ClickAsync();
        await second.Locator("[data-testid=decision-dialog]").WaitForAsync();
        await second.ClickAsync("[data-testid=confirm-decision]");
        await second.Locator("[data-testid=pending-actions]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await second.Context.CloseAsync();

        // The same queue in dark mode at laptop width, and a case page.
        var dark = await NewDarkPageAsync(ModeratorEmail, ModeratorPassword, 1280);
        await dark.GotoAsync("/moderation");
        await PortalBrowserFixture.WaitForInteractiveAsync(dark);
        await dark.Locator("[data-testid=case-link]").First.WaitForAsync();
        await ScreenshotAsync(dark, "moderation-queue-dark");
        await dark.GotoAsync($"/moderation/cases/{cases[0]}");
        await PortalBrowserFixture.WaitForInteractiveAsync(dark);
        await dark.Locator("[data-testid=case-reports] [data-testid=report]").First.WaitForAsync();
        Assert.Equal(2, await dark.Locator("[data-testid=case-reports] [data-testid=report]").CountAsync());
        await ScreenshotAsync(dark, "moderation-case-dark");
        await dark.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ServedFeed_LookupAndReplay_ReproducesItemForItem()
    {
        await EnsureStaffAsync();
        var feed = fixture.App.Services.GetRequiredService<FeedService>();
        var first = await feed.NextBatchAsync(new FeedRequest(21));
        var liked = await fixture.App.Services.GetRequiredService<EventIngestor>().IngestAsync(
            [.. first!.Items.Select(i => new IncomingEvent(21, i.VideoId, "like"))]);
        Assert.True(liked.Succeeded);
        var served = await feed.NextBatchAsync(new FeedRequest(21));
        Assert.False(served!.ColdStart);
        await fixture.App.Services.GetRequiredService<ServedLog>().FlushAsync();

        var page = await fixture.NewPageAsync(email: AuditorEmail, password: AuditorPassword);
        await page.ClickAsync("nav >> text=Served feeds");
        await page.WaitForURLAsync("**/served-feeds");
        await page.Locator("[data-testid=filter-user] input, input[data-testid=filter-user]").First.FillAsync("21");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=served-grid] tbody tr')].length >= 2 && [...document.querySelectorAll('[data-testid=served-grid] tbody tr')].every(tr => tr.innerText.includes('User 21'))");
        await page.Locator("[data-testid=served-grid] tbody tr").First.ClickAsync();
        await page.WaitForURLAsync($"**/served-feeds/{served.RequestId}");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=logged-batch] [data-testid=video-card]").First.WaitForAsync();
        Assert.Equal(served.Items.Count, await page.Locator("[data-testid=logged-batch] [data-testid=video-card]").CountAsync());
        Assert.Equal(
            served.Items.Select(i => i.VideoId.ToString(CultureInfo.InvariantCulture)),
            await page.Locator("[data-testid=logged-batch] [data-testid=video-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.videoId)"));

        await page.ClickAsync("[data-testid=replay]");
        var result = page.Locator("[data-testid=replay-result]");
        await result.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal("true", await result.GetAttributeAsync("data-reproduced"));
        await ScreenshotAsync(page, "served-feed-replay");
        await page.Context.CloseAsync();

        var dark = await NewDarkPageAsync(AuditorEmail, AuditorPassword, 1366);
        await dark.GotoAsync($"/served-feeds/{served.RequestId}");
        await PortalBrowserFixture.WaitForInteractiveAsync(dark);
        await dark.ClickAsync("[data-testid=replay]");
        await dark.Locator("[data-testid=replay-result]").WaitForAsync(new() { Timeout = 30_000 });
        await ScreenshotAsync(dark, "served-feed-replay-dark");
        await dark.GotoAsync("/audit");
        await PortalBrowserFixture.WaitForInteractiveAsync(dark);
        await dark.Locator("[data-testid=audit-row]").First.WaitForAsync();
        await ScreenshotAsync(dark, "audit-log-dark");
        await dark.GotoAsync("/how-recommendations-work");
        await PortalBrowserFixture.WaitForInteractiveAsync(dark);
        await dark.Locator("[data-testid=how-it-works]").WaitForAsync();
        await ScreenshotAsync(dark, "how-recommendations-work-dark");
        await dark.Context.CloseAsync();
    }

    [Fact]
    public async Task RevokedModerator_WithTheQueueOpen_IsSignedOut_AndTheQueueIsThenRefusedAndRecorded()
    {
        const string email = "browser-revoked@portal.test";
        const string password = "Browser-Rev0ked!!";
        await fixture.App.CreateStaffAsync(email, password, StaffRoles.Moderator);
        var page = await fixture.NewPageAsync(email: email, password: password);
        await page.GotoAsync("/moderation");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=queue-filters]").WaitForAsync();

        var directory = fixture.App.Services.GetRequiredService<StaffDirectory>();
        var account = (await directory.GetPageAsync(0, 500)).Items.Single(a => a.Email == email);
        Assert.True((await directory.SetRolesAsync(account.Id, [StaffRoles.ProductManager])).Succeeded);

        await page.WaitForURLAsync("**/Account/Login**", new() { Timeout = 30_000 });
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync("**/Account/AccessDenied**");
        await page.Locator("[data-testid=access-denied]").WaitForAsync();

        var denied = await fixture.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(Actor: email, Action: AuditActions.AccessDenied), 0, 10);
        Assert.Contains(denied.Items, r => r.Target == "page:/moderation");
        Assert.Equal(0, await page.Locator("nav >> text=Moderation").CountAsync());
        await page.Context.CloseAsync();
    }

    private async Task EnsureStaffAsync()
    {
        var directory = fixture.App.Services.GetRequiredService<StaffDirectory>();
        var existing = (await directory.GetPageAsync(0, 500)).Items.Select(a => a.Email).ToHashSet();
        if (!existing.Contains(ModeratorEmail))
        {
            await fixture.App.CreateStaffAsync(ModeratorEmail, ModeratorPassword, StaffRoles.Moderator);
        }

        if (!existing.Contains(SecondModeratorEmail))
        {
            await fixture.App.CreateStaffAsync(SecondModeratorEmail, ModeratorPassword, StaffRoles.Moderator);
        }

        if (!existing.Contains(AuditorEmail))
        {
            await fixture.App.CreateStaffAsync(AuditorEmail, AuditorPassword, StaffRoles.Auditor);
        }
    }

    private async Task<IPage> NewDarkPageAsync(string email, string password, int width)
    {
        var page = await fixture.NewPageAsync(email: email, password: password);
        await page.Context.AddCookiesAsync([new Cookie { Name = "portal-theme", Value = "dark", Url = fixture.BaseAddress.ToString() }]);
        await page.SetViewportSizeAsync(width, 860);
        return page;
    }

    private static StaffCaller TestCaller(string email, string role) => new(
        new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, email), new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role)], "test")),
        "127.0.0.1");

    /// <summary>Clicks "Preview next 8" (or "Preview again") and waits for a new batch; returns its video ids.</summary>
    private static async Task<string[]> PreviewAsync(IPage page)
    {
        var batch = page.Locator("[data-testid=preview-batch]");
        var previous = await batch.CountAsync() > 0 ? await batch.GetAttributeAsync("data-request") : null;
        await page.ClickAsync("[data-testid=preview-next]");
        await page.WaitForFunctionAsync(
            "previous => { const b = document.querySelector('[data-testid=preview-batch]'); return b && b.dataset.request !== previous; }",
            previous ?? "");
        return await batch.Locator("[data-testid=video-card]").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.videoId)");
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        await page.Locator($".mud-popover-open .mud-list-item >> text={option}").First.ClickAsync();
        await page.WaitForTimeoutAsync(200);
    }

    /// <summary>A full-page screenshot from the top; nothing may be wider than the window.</summary>
    private async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForTimeoutAsync(250);
        await fixture.ScreenshotAsync(page, name);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page '{name}' is {overflow} px wider than the window.");
    }
}
