using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SessionBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task RolesChanged_OpenSession_EndsAtTheNextRevalidation()
    {
        const string email = "revoked@portal.test";
        const string password = "Revoked-Passw0rd!";
        await fixture.App.CreateStaffAsync(email, password, StaffRoles.Moderator);
        var page = await fixture.NewPageAsync(email: email, password: password);
        await page.WaitForSelectorAsync("[data-testid=stat-videos]");

        var directory = fixture.App.Services.GetRequiredService<StaffDirectory>();
        var account = (await directory.GetPageAsync(0, 100)).Items.Single(a => a.Email == email);
        var changed = await directory.SetRolesAsync(account.Id, [StaffRoles.Auditor]);
        Assert.True(changed.Succeeded);

        await page.WaitForURLAsync("**/Account/Login**", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_FromTheUserMenu_ReturnsToSignIn()
    {
        var page = await fixture.NewPageAsync();
        await page.WaitForSelectorAsync("[data-testid=stat-videos]");

        await page.ClickAsync("[data-testid=user-menu]");
        await page.WaitForSelectorAsync("[data-testid=sign-out]");
        await page.WaitForTimeoutAsync(400); // the menu fades in
        await fixture.ScreenshotAsync(page, "user-menu");
        await page.ClickAsync("[data-testid=sign-out]");

        await page.WaitForURLAsync("**/Account/Login?signedOut=true");
        await page.WaitForSelectorAsync("text=You are signed out.");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_ShowsTheNotFoundPageInTheShell()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/no-such-page");

        await page.WaitForSelectorAsync("[data-testid=not-found]");
        Assert.Equal(1, await page.Locator("nav >> text=Overview").CountAsync());
        await fixture.ScreenshotAsync(page, "not-found");
        await page.Context.CloseAsync();
    }
}
