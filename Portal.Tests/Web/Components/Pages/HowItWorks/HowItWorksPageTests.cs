using System.Net;
using Portal.Auth;

namespace Portal.Tests.Web.Components.Pages.HowItWorks;

/// <summary>The page is written from the running configuration: change a setting and the page says the new value.</summary>
public sealed class HowItWorksPageTests
{
    [Fact]
    public async Task Get_AnyRole_ShowsTheValuesInForce()
    {
        await using var app = new ConfiguredPortalAppFactory();
        await app.SeedTinyWorldAsync();
        await app.CreateStaffAsync("how-pm@portal.test", "How-It-W0rks!!", StaffRoles.ProductManager);
        using var client = app.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, "how-pm@portal.test", "How-It-W0rks!!");

        using var response = await client.GetAsync("/how-recommendations-work");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"cold-start-threshold\">7<", html, StringComparison.Ordinal);
        Assert.Contains("Up to 45 per source", html, StringComparison.Ordinal);
        Assert.Contains("“Not interested” keeps a creator and sound away for", html, StringComparison.Ordinal);
        Assert.Contains("36 hours", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"model-version\">baseline<", html, StringComparison.Ordinal);
        Assert.Contains("At most 1 video per creator in a batch.", html, StringComparison.Ordinal);
        Assert.Contains("The ranker in use: heuristic", html, StringComparison.Ordinal);
        Assert.Contains("Fatigue", html, StringComparison.Ordinal);
        Assert.Contains("popularity in their region", html, StringComparison.Ordinal);
    }

    private sealed class ConfiguredPortalAppFactory() : PortalAppFactory(new Dictionary<string, string?>
    {
        ["Engine:Feed:ColdStartEngagements"] = "7",
        ["Engine:Feed:NotInterestedFatigueHours"] = "36",
        ["Engine:Candidates:PerSourceLimit"] = "45",
    });
}
