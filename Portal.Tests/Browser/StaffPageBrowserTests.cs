using Microsoft.Playwright;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StaffPageBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task CreateAccount_FromTheDialog_ShowsFieldErrorsThenAddsTheAccount()
    {
        var page = await fixture.NewPageAsync();
        await page.ClickAsync("nav >> text=Staff");
        await page.WaitForURLAsync("**/staff");
        await page.WaitForSelectorAsync("[data-testid=staff-grid] >> text=" + Web.PortalAppFactory.AdminEmail);
        await fixture.ScreenshotAsync(page, "staff");

        await page.ClickAsync("[data-testid=new-account]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await dialog.Locator("[data-testid=email] input, input[data-testid=email]").FillAsync("not-an-email");
        await dialog.Locator("[data-testid=password] input, input[data-testid=password]").FillAsync("short");
        await dialog.Locator("[data-testid=create-account]").ClickAsync();
        await dialog.Locator("text=Enter an email address such as name@example.com.").WaitForAsync();
        await dialog.Locator("text=Use at least 12 characters.").WaitForAsync();
        await dialog.Locator("text=Choose at least one role.").WaitForAsync();
        await fixture.ScreenshotAsync(page, "staff-create-errors");

        await dialog.Locator("[data-testid=email] input, input[data-testid=email]").FillAsync("grace@portal.test");
        await dialog.Locator("[data-testid=display-name] input, input[data-testid=display-name]").FillAsync("Grace Hopper");
        await dialog.Locator("[data-testid=password] input, input[data-testid=password]").FillAsync("Compil3r-Pioneer!");
        await dialog.Locator("[data-testid=role-Moderator]").ClickAsync();
        await dialog.Locator("[data-testid=create-account]").ClickAsync();

        await page.Locator("[data-testid=staff-grid] >> text=grace@portal.test").WaitForAsync();
        Assert.Equal(0, await page.Locator(".mud-dialog").CountAsync());
        await page.Context.CloseAsync();
    }
}
