using System.Net;
using Microsoft.Playwright;
using Portal.Auth.ApiKeys;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApiKeysPageBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task CreateAndRevoke_FromThePage_TheKeyIsShownOnceWorksThenIsRefused()
    {
        var page = await fixture.NewPageAsync();
        await page.ClickAsync("nav >> text=API keys");
        await page.WaitForURLAsync("**/api-keys");
        await page.WaitForSelectorAsync("[data-testid=api-keys-grid]");

        await page.ClickAsync("[data-testid=new-api-key]");
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await dialog.Locator("[data-testid=create-api-key]").ClickAsync();
        await dialog.Locator("text=Enter a name that says who or what uses the key, e.g. ios-app.").WaitForAsync();
        await dialog.Locator("input[data-testid=api-key-name], [data-testid=api-key-name] input").FillAsync("android-app");
        await dialog.Locator("[data-testid=create-api-key]").ClickAsync();

        var secretBox = dialog.Locator("[data-testid=api-key-secret]");
        await secretBox.WaitForAsync();
        var secret = (await secretBox.InnerTextAsync()).Trim();
        Assert.Matches("^pk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("It is shown only once", await dialog.Locator("[data-testid=api-key-warning]").InnerTextAsync(), StringComparison.Ordinal);
        await fixture.ScreenshotAsync(page, "api-keys-created");
        Assert.Equal(HttpStatusCode.OK, await CallApiAsync(secret));

        await dialog.Locator("[data-testid=api-key-done]").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var row = page.Locator("[data-testid=api-keys-grid] tr", new PageLocatorOptions { HasText = "android-app" });
        await row.WaitForAsync();
        Assert.Contains(secret[..10], await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await fixture.ScreenshotAsync(page, "api-keys");

        await row.Locator("[data-testid=revoke-api-key]").ClickAsync();
        var revoke = page.Locator(".mud-dialog");
        await revoke.WaitForAsync();
        Assert.True(await revoke.Locator("[data-testid=confirm-revoke]").IsDisabledAsync());
        await revoke.Locator("textarea").FillAsync("app retired");
        await fixture.ScreenshotAsync(page, "api-keys-revoke");
        await revoke.Locator("[data-testid=confirm-revoke]").ClickAsync();
        await row.Locator("text=Revoked").WaitForAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await CallApiAsync(secret));
        await page.Context.CloseAsync();
    }

    private async Task<HttpStatusCode> CallApiAsync(string key)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        using var response = await client.GetAsync("/api/v1/users/1");
        return response.StatusCode;
    }
}
