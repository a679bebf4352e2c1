using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task SignIn_ThroughTheForm_ShowsTheCountsInTheDatabase()
    {
        var page = await fixture.NewPageAsync(signIn: false);
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await fixture.ScreenshotAsync(page, "sign-in");

        await PortalBrowserFixture.SignInAsync(page, Web.PortalAppFactory.AdminEmail, Web.PortalAppFactory.AdminPassword);
        await page.WaitForSelectorAsync("[data-testid=stat-videos]");
        await page.WaitForSelectorAsync("[data-testid=events-per-day] svg");

        await using var db = await fixture.App.EngineContexts.CreateDbContextAsync();
        Assert.Equal(await db.Videos.LongCountAsync(), await StatAsync(page, "videos"));
        Assert.Equal(await db.Creators.LongCountAsync(), await StatAsync(page, "creators"));
        Assert.Equal(await db.Sounds.LongCountAsync(), await StatAsync(page, "sounds"));
        Assert.Equal(await db.Users.LongCountAsync(), await StatAsync(page, "users"));
        Assert.Equal(await db.Events.LongCountAsync(), await StatAsync(page, "events"));
        Assert.True(await StatAsync(page, "events-24h") > 0);
        Assert.Equal("Ada Admin", (await page.InnerTextAsync("[data-testid=user-menu] .portal-user-name")).Trim());
        await fixture.ScreenshotAsync(page, "overview");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThemeToggle_DarkMode_IsRememberedAfterAReload()
    {
        var page = await fixture.NewPageAsync();
        await page.WaitForSelectorAsync("[data-testid=stat-videos]");

        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForFunctionAsync("() => document.cookie.includes('portal-theme=dark')");
        await page.ReloadAsync();
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.WaitForSelectorAsync("[data-testid=events-per-day] svg");

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(15, 20, 25)", background);
        await fixture.ScreenshotAsync(page, "overview-dark");
        await page.Context.CloseAsync();
    }

    private static async Task<long> StatAsync(IPage page, string name)
    {
        var text = await page.InnerTextAsync($"[data-testid=stat-{name}]");
        return long.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
