using Microsoft.Playwright;
using Portal.Tests.Web;

namespace Portal.Tests.Browser;

/// <summary>
/// One portal served by Kestrel on a free loopback port, with the tiny world loaded, and one headless Chromium
/// for all the browser tests of <see cref="BrowserCollection"/>.
/// </summary>
public sealed class PortalBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalAppFactory App { get; } = new BrowserPortalAppFactory();

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: <c>TestResults/screenshots/</c> at the repository root.</summary>
    public string ScreenshotDirectory { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        BaseAddress = App.StartKestrel();
        await App.SeedTinyWorldAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        ScreenshotDirectory = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (own cookies) at a desktop size, already signed in when asked.</summary>
    public async Task<IPage> NewPageAsync(bool signIn = true, string email = PortalAppFactory.AdminEmail, string password = PortalAppFactory.AdminPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        if (signIn)
        {
            await SignInAsync(page, email, password);
        }

        return page;
    }

    /// <summary>Signs in through the real form, then waits for the interactive session.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
    }

    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("body[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Open sessions re-check the account every 5 seconds, so a test can watch a revoked role take effect.</summary>
    private sealed class BrowserPortalAppFactory() : PortalAppFactory(new Dictionary<string, string?>
    {
        ["Portal:Auth:RevalidationInterval"] = "00:00:05",
    });

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
