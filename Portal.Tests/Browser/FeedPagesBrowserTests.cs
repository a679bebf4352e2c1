using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Engine.Diversity;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class FeedPagesBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task PreviewThenPublishStricterRules_TheUsersNextPreviewFollowsTheNewVersion()
    {
        var store = fixture.App.Services.GetRequiredService<DiversityRulesStore>();
        var startVersion = store.Active.Version;
        var page = await fixture.NewPageAsync();

        // The user list, then one user from it.
        await page.ClickAsync("nav >> text=Users & feeds");
        await page.WaitForURLAsync("**/users");
        await page.Locator("[data-testid=user-link]").First.WaitForAsync();
        await ScreenshotAsync(page, "users");
        var link = page.Locator("[data-testid=user-link]").Nth(2);
        var userPath = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.WaitForURLAsync("**/" + userPath);
        await page.Locator("[data-testid=user-insight]").WaitForAsync();
        await page.Locator("[data-testid=timeline-entry]").First.WaitForAsync();

        // Preview next 8: eight cards, each explained.
        var before = await PreviewAsync(page);
        Assert.Equal(startVersion, before.RulesVersion);
        await page.Locator("[data-testid=preview-batch] [data-testid=explain]").First.ClickAsync();
        await page.Locator("[data-testid=preview-batch] [data-testid=explanation]").First.WaitForAsync();
        await page.WaitForTimeoutAsync(300); // the expander opens
        await ScreenshotAsync(page, "user-preview");

        // Diversity rules: one video per topic group, eight groups; the impact preview shows both sides.
        await page.ClickAsync("nav >> text=Diversity rules");
        await page.WaitForURLAsync("**/rules");
        await page.Locator("[data-testid=rules-editor]").WaitForAsync();
        await SetFieldAsync(page, "maxPerCluster", "1");
        await SetFieldAsync(page, "minDistinctClusters", "8");
        await page.Locator("[data-testid=diff-row][data-field=MaxPerCluster]").WaitForAsync();
        await page.Locator("[data-testid=diff-row][data-field=MinDistinctClusters]").WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-testid=diff-row]").CountAsync());

        await page.ClickAsync("[data-testid=preview-impact]");
        await page.Locator("[data-testid=impact-result]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(5, await page.Locator("[data-testid=impact-active]").CountAsync());
        Assert.Equal(5, await page.Locator("[data-testid=impact-draft]").CountAsync());
        var groups = page.Locator("[data-testid=impact-row][data-metric=groups]");
        Assert.True(
            ParseNumber(await groups.Locator("[data-testid=impact-draft]").InnerTextAsync()) >= ParseNumber(await groups.Locator("[data-testid=impact-active]").InnerTextAsync()),
            "One video per topic group cannot give fewer topic groups per batch.");
        await page.WaitForTimeoutAsync(400); // the chart draws
        await ScreenshotAsync(page, "rules-impact");

        // Publish with a reason.
        await page.ClickAsync("[data-testid=publish-rules]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await dialog.Locator("[data-testid=publish-confirm]").ClickAsync();
        await dialog.Locator("text=Give a reason for the change").WaitForAsync();
        await dialog.Locator("textarea").FillAsync("Every video of a batch from a different topic group");
        await dialog.Locator("[data-testid=publish-confirm]").ClickAsync();
        await page.Locator($"text=Published version {startVersion + 1}.").WaitForAsync();
        await page.Locator($"[data-testid=active-version] >> text=Version {startVersion + 1}").WaitForAsync();
        Assert.Equal(startVersion + 1, store.Active.Version);
        Assert.Equal(1, store.Active.Rules.MaxPerCluster);

        // Back to the user: the next preview is built under the new version, one video per topic group.
        await page.GotoAsync(userPath!);
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        var after = await PreviewAsync(page);
        Assert.Equal(startVersion + 1, after.RulesVersion);
        Assert.Equal(8, after.Clusters.Distinct().Count());

        // Roll back from the history, which leaves the rules as they were for the other tests.
        await page.ClickAsync("nav >> text=Diversity rules");
        await page.Locator($"[data-testid=history-row][data-version='{startVersion}'] [data-testid=rollback]").ClickAsync();
        await dialog.WaitForAsync();
        await dialog.Locator("textarea").FillAsync("Back to the rules the test started with");
        await dialog.Locator("[data-testid=publish-confirm]").ClickAsync();
        await page.Locator($"[data-testid=active-version] >> text=Version {startVersion + 2}").WaitForAsync();
        Assert.Equal(store.Active.Rules, (await store.GetVersionAsync(startVersion))!.Rules);
        await page.Locator($"[data-testid=history-row][data-version='{startVersion + 2}'] >> text=Rollback to version {startVersion}").WaitForAsync();
        await ScreenshotAsync(page, "rules-history");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sandbox_LikesAndSkips_ChangeOnlyTheCopy()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/users/5");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=user-insight]").WaitForAsync();
        var engagements = await page.InnerTextAsync("[data-testid=insight-engagements]");

        await page.ClickAsync("[data-testid=feed-tabs] >> text=Sandbox");
        await page.ClickAsync("[data-testid=sandbox-start]");
        var cards = page.Locator("[data-testid=sandbox-batch] [data-testid=video-card]");
        await cards.First.WaitForAsync();
        Assert.Equal(8, await cards.CountAsync());
        await cards.Nth(0).Locator("[data-testid=mark-like]").ClickAsync();
        await cards.Nth(1).Locator("[data-testid=mark-like]").ClickAsync();
        await cards.Nth(2).Locator("[data-testid=mark-skip]").ClickAsync();
        await cards.Nth(3).Locator("[data-testid=mark-notInterested]").ClickAsync();
        await page.Locator("[data-testid=sandbox-marked] >> text=4 of 8").WaitForAsync();
        Assert.Equal(4, await page.Locator("[data-testid=sandbox-batch] [data-testid=marked]").CountAsync());
        Assert.Contains("Liked in the sandbox", await cards.Nth(0).Locator("[data-testid=marked]").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "sandbox-marked");

        var firstBatch = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.videoId)");
        await page.ClickAsync("[data-testid=sandbox-next]");
        await page.Locator("[data-testid=sandbox-change]").WaitForAsync();
        await page.Locator("[data-testid=sandbox-batch-number] >> text=2").WaitForAsync();
        var secondBatch = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.videoId)");
        Assert.Empty(firstBatch.Intersect(secondBatch));
        Assert.Contains("liked 2", await page.InnerTextAsync("[data-testid=sandbox-change]"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "sandbox");

        // The real user is untouched.
        await page.ReloadAsync();
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        Assert.Equal(engagements, await page.InnerTextAsync("[data-testid=insight-engagements]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UserList_FiltersInTheAddress_AndColdStartPreview()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/users?device=web");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=user-link]").First.WaitForAsync();
        var devices = await page.Locator("[data-testid=users-grid] tbody td:nth-child(4)").AllInnerTextsAsync();
        Assert.NotEmpty(devices);
        Assert.All(devices, d => Assert.Equal("Web", d.Trim()));

        // From the second page of all users, a filter chosen in the toolbar goes into the address and starts at page one.
        await page.GotoAsync("/users");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=user-link] >> text=User 1").First.WaitForAsync();
        await page.ClickAsync("[data-testid=users-grid] button[aria-label='Next page']");
        await page.Locator("[data-testid=user-link] >> text=User 26").WaitForAsync();
        await page.ClickAsync("[data-testid=filter-device]");
        await page.Locator(".mud-popover-open .mud-list-item >> text=Android").ClickAsync();
        await page.WaitForURLAsync("**/users?device=android");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('[data-testid=users-grid] tbody td:nth-child(4)')].every(td => td.innerText.trim() === 'Android')");
        var first = int.Parse((await page.Locator("[data-testid=user-link]").First.InnerTextAsync()).Replace("User ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.True(first < 26, "The filtered list starts again at its first page.");

        await page.GotoAsync("/users?id=999999");
        await page.Locator("[data-testid=users-empty]").WaitForAsync();
        await ScreenshotAsync(page, "users-empty");

        await page.GotoAsync("/users");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("[data-testid=cold-start-open]");
        var cards = page.Locator("[data-testid=cold-start-batch] [data-testid=video-card]");
        await cards.First.WaitForAsync();
        Assert.Equal(8, await cards.CountAsync());
        Assert.Equal("en · US · iOS", (await page.InnerTextAsync("[data-testid=cold-start-batch] [data-testid=fact-context]")).Trim());

        await page.ClickAsync("[data-testid=cold-start-device]");
        await page.Locator(".mud-popover-open .mud-list-item >> text=Web").ClickAsync();
        await page.Locator("[data-testid=cold-start-batch] [data-testid=fact-context] >> text=en · US · Web").WaitForAsync();
        Assert.Equal(8, await cards.CountAsync());
        var clusters = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.cluster)");
        Assert.Equal(8, clusters.Distinct().Count());
        await page.Locator("[data-testid=cold-start-batch] [data-testid=fact-cold-start]").WaitForAsync();
        await ScreenshotAsync(page, "cold-start");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DarkMode_LaptopWidth_UserAndRulesPagesFit()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForFunctionAsync("() => document.cookie.includes('portal-theme=dark')");
        await page.GotoAsync("/users/7");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await PreviewAsync(page);
        await ScreenshotAsync(page, "user-preview-dark");

        await page.GotoAsync("/rules");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=rules-editor]").WaitForAsync();
        await SetFieldAsync(page, "creatorCooldown", "500");
        await page.Locator("[data-testid=rules-editor] >> text=The creator cooldown must be between 0 and 200; 500 is not.").WaitForAsync();
        Assert.True(await page.Locator("[data-testid=publish-rules]").IsDisabledAsync());
        await ScreenshotAsync(page, "rules-dark");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A full-page screenshot taken from the top, so the fixed app bar and menu sit where a person sees them; and
    /// nothing on the page may be wider than the window.
    /// </summary>
    private async Task ScreenshotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await fixture.ScreenshotAsync(page, name);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page '{name}' is {overflow} px wider than the window.");
    }

    /// <summary>Clicks "Preview next 8" (or "Preview again") and waits for a new batch: 8 cards, each with a reason.</summary>
    private static async Task<(int RulesVersion, string[] Clusters)> PreviewAsync(IPage page)
    {
        var batch = page.Locator("[data-testid=preview-batch]");
        var previous = await batch.CountAsync() > 0 ? await batch.GetAttributeAsync("data-request") : null;
        await page.ClickAsync("[data-testid=preview-next]");
        await page.WaitForFunctionAsync(
            "previous => { const b = document.querySelector('[data-testid=preview-batch]'); return b && b.dataset.request !== previous; }",
            previous ?? "");
        var cards = batch.Locator("[data-testid=video-card]");
        Assert.Equal(8, await cards.CountAsync());
        for (var i = 0; i < 8; i++)
        {
            Assert.True(await cards.Nth(i).Locator("[data-testid=reason]").CountAsync() >= 1, $"Card {i + 1} has no reason.");
        }

        var version = int.Parse(await batch.GetAttributeAsync("data-rules-version") ?? "0", CultureInfo.InvariantCulture);
        var clusters = await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.cluster)");
        return (version, clusters);
    }

    /// <summary>Types into a rule field of the draft the way a person does: select all, type, leave the field.</summary>
    private static async Task SetFieldAsync(IPage page, string field, string value)
    {
        var input = page.Locator($"[data-testid=rule-{field}] input, input[data-testid=rule-{field}]").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    private static double ParseNumber(string text) =>
        double.Parse(NumberPattern().Match(text).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}
