using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Engine.Feed;
using Portal.Engine.Training;

namespace Portal.Tests.Browser;

[Collection(LearningBrowserCollection.Name)]
public sealed class LearningPagesBrowserTests(PortalBrowserFixture fixture)
{
    [Fact]
    public async Task RetrainFromTheTrainingPage_ProgressMoves_TheNewVersionServesItsClustersAndIsEvaluated()
    {
        var page = await fixture.NewPageAsync();

        // Before any training: the clusters are hashtag groups and the page says so.
        await page.ClickAsync("nav >> text=Clusters");
        await page.WaitForURLAsync("**/clusters");
        await page.Locator("[data-testid=clusters-baseline]").WaitForAsync();
        await page.Locator("[data-testid=user-clusters-empty]").WaitForAsync();

        // Training: run now, watch the bar move, see the new version in the registry with its metrics.
        await page.ClickAsync("nav >> text=Training");
        await page.WaitForURLAsync("**/training");
        await page.Locator("[data-testid=versions-empty]").WaitForAsync();
        await page.EvaluateAsync("""
            () => {
                window.__percents = [];
                const record = () => {
                    const el = document.querySelector('[data-testid=progress-percent]');
                    const value = el && el.dataset.percent;
                    if (value !== undefined && value !== null && window.__percents[window.__percents.length - 1] !== value) window.__percents.push(value);
                };
                new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """);
        await page.ClickAsync("[data-testid=run-now]");
        await page.Locator("[data-testid=training-progress][data-running=true]").WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator("[data-testid=progress-bar]").WaitForAsync();
        await ScreenshotAsync(page, "training-progress");
        var row = page.Locator("[data-testid=version-row][data-version=v1]");
        await row.WaitForAsync(new() { Timeout = 180_000 });
        await page.Locator("[data-testid=training-progress][data-running=false]").WaitForAsync();
        var percents = await page.EvaluateAsync<string[]>("() => window.__percents");
        Assert.True(percents.Distinct().Count() >= 3, $"The progress bar showed only {string.Join(", ", percents)} %.");
        Assert.Equal(percents.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).Order(), percents.Select(p => double.Parse(p, CultureInfo.InvariantCulture)));
        var ndcg = await page.Locator("[data-testid=version-ndcg]").First.InnerTextAsync();
        Assert.True(double.TryParse(ndcg, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0, $"NDCG@10 shows '{ndcg}'.");
        await page.Locator("[data-testid=runs-grid] [data-testid=run-outcome]").First.WaitForAsync();

        // Whatever the automatic decision, the version serves from here on: promote it by hand when it was not.
        var registry = fixture.App.Services.GetRequiredService<ModelRegistry>();
        var version = (await registry.ListAsync(1))[0];
        if (version.Status != ModelStatus.Active)
        {
            await page.ClickAsync("[data-testid=version-row][data-version=v1] >> xpath=ancestor::tr >> [data-testid=promote]");
            var dialog = page.Locator(".mud-dialog");
            await dialog.Locator("[data-testid=decision-confirm]").ClickAsync();
            await dialog.Locator("text=Give a reason").WaitForAsync();
            await dialog.Locator("textarea").FillAsync("Serve the trained clusters for the browser test");
            await dialog.Locator("[data-testid=decision-confirm]").ClickAsync();
            await page.Locator("[data-testid=version-row][data-version=v1] [data-testid=model-status][data-status=Active]").WaitForAsync();
        }

        Assert.Equal("v1", fixture.App.Services.GetRequiredService<ServingState>().Current.Model.Version);
        await page.Locator("[data-testid=serving-version] >> text=v1").WaitForAsync();
        await ScreenshotAsync(page, "training");

        await page.ClickAsync("[data-testid=version-row][data-version=v1] [data-testid=version-open]");
        var details = page.Locator("[data-testid=version-dialog]");
        await details.Locator("[data-testid=version-metrics]").WaitForAsync();
        Assert.True(await details.Locator("[data-testid=version-steps] [data-testid=bar]").CountAsync() >= 6);
        await page.WaitForTimeoutAsync(300);
        await fixture.ScreenshotAsync(page, "training-version");
        await page.ClickAsync(".mud-dialog-actions >> text=Close");
        await details.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // Clusters: the trained model's clusters, its user clusters and the heat map.
        await page.ClickAsync("nav >> text=Clusters");
        await page.WaitForURLAsync("**/clusters");
        await page.Locator("[data-testid=clusters-version] >> text=v1").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=clusters-baseline]").CountAsync());
        Assert.Equal(8, await page.Locator("[data-testid=cluster-card]").CountAsync());
        Assert.Equal(8, await page.Locator("[data-testid=map-point]").CountAsync());
        var userClusters = await page.Locator("[data-testid=user-cluster]").CountAsync();
        Assert.True(userClusters >= 2, $"{userClusters} user clusters.");
        Assert.Equal(userClusters * 8, await page.Locator("[data-testid=heat-cell]").CountAsync());
        await ScreenshotAsync(page, "clusters");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "clusters-top.png") });

        // Rename a cluster, then open it: its videos, paged.
        var first = page.Locator("[data-testid=cluster-card]").First;
        await first.Locator("[data-testid=cluster-rename]").ClickAsync();
        var rename = page.Locator(".mud-dialog");
        await rename.Locator("input").FillAsync("");
        await rename.Locator("[data-testid=rename-save]").ClickAsync();
        await rename.Locator("text=Give the cluster a name").WaitForAsync();
        await rename.Locator("input").FillAsync("Staff picks");
        await rename.Locator("[data-testid=rename-save]").ClickAsync();
        await page.Locator("[data-testid=cluster-card] [data-testid=cluster-name] >> text=Staff picks").WaitForAsync();
        await page.ClickAsync("[data-testid=cluster-card] >> text=Staff picks");
        await page.Locator("[data-testid=cluster-title] >> text=Staff picks").WaitForAsync();
        await page.Locator("[data-testid=cluster-video]").First.WaitForAsync();
        await ScreenshotAsync(page, "cluster");

        // Evaluation: the offline metrics against the baselines, then a simulation and its learning curve.
        await page.ClickAsync("nav >> text=Evaluation");
        await page.WaitForURLAsync("**/evaluation");
        await page.Locator("[data-testid=offline-table]").WaitForAsync();
        Assert.True(await page.Locator("[data-testid=offline-row]").CountAsync() >= 5);
        await page.Locator("[data-testid=simulation-users] input, input[data-testid=simulation-users]").First.FillAsync("12");
        await page.Locator("[data-testid=simulation-batches] input, input[data-testid=simulation-batches]").First.FillAsync("4");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("[data-testid=simulation-run]");
        await page.Locator("[data-testid=learning-curve][data-batches='4']").WaitForAsync(new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(400);
        await ScreenshotAsync(page, "evaluation");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DarkMode_LaptopWidth_LearningPagesFit()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForFunctionAsync("() => document.cookie.includes('portal-theme=dark')");

        await page.GotoAsync("/training");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=schedule]").First.WaitForAsync();
        await page.Locator("[data-testid=runs-grid] .mud-table-body").WaitForAsync();
        await page.WaitForTimeoutAsync(300);
        await ScreenshotAsync(page, "training-dark");

        await page.ClickAsync("[data-testid=schedule][data-job=retrain] [data-testid=schedule-edit]");
        var dialog = page.Locator("[data-testid=schedule-dialog]");
        await dialog.Locator("input").First.FillAsync("0 3 * *");
        await dialog.Locator("text=has 4 fields").WaitForAsync();
        await fixture.ScreenshotAsync(page, "training-schedule-dark");
        await page.Locator(".mud-dialog >> text=Cancel").ClickAsync();

        await page.GotoAsync("/clusters");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=cluster-card]").First.WaitForAsync();
        await ScreenshotAsync(page, "clusters-dark");

        await page.GotoAsync("/evaluation");
        await PortalBrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=simulation-form]").WaitForAsync();
        await page.WaitForTimeoutAsync(400);
        await ScreenshotAsync(page, "evaluation-dark");
        await page.Context.CloseAsync();
    }

    /// <summary>A full-page screenshot from the top, without the notices of earlier actions; nothing on the page may be wider than the window.</summary>
    private async Task ScreenshotAsync(IPage page, string name)
    {
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await close.ClickAsync(new() { Force = true, Timeout = 2_000 });
        }

        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-snackbar')", null, new() { Timeout = 5_000 });
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await fixture.ScreenshotAsync(page, name);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page '{name}' is {overflow} px wider than the window.");
    }
}
