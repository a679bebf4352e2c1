using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Portal.Tests.Web.Components.Pages.Overview;

public sealed partial class OverviewPageTests(SeededPortalAppFactory factory) : IClassFixture<SeededPortalAppFactory>
{
    [Fact]
    public async Task Get_SignedInAdmin_ShowsTheCountsInTheDatabase()
    {
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await factory.EngineContexts.CreateDbContextAsync();
        var since = DateTime.UtcNow.AddHours(-24);
        Assert.Equal(await db.Videos.LongCountAsync(), Stat(html, "videos"));
        Assert.Equal(await db.Creators.LongCountAsync(), Stat(html, "creators"));
        Assert.Equal(await db.Sounds.LongCountAsync(), Stat(html, "sounds"));
        Assert.Equal(await db.Users.LongCountAsync(), Stat(html, "users"));
        Assert.Equal(await db.Events.LongCountAsync(), Stat(html, "events"));
        Assert.Equal(await db.Events.LongCountAsync(e => e.At > since), Stat(html, "events-24h"));
        Assert.True(Stat(html, "events-24h") > 0, "The tiny world ends at the current hour, so the last 24 hours hold events.");
        Assert.Contains("data-testid=\"events-per-day\"", html, StringComparison.Ordinal);
    }

    /// <summary>The number a stat card shows, as the person reads it ("3,000").</summary>
    private static long Stat(string html, string name)
    {
        var match = Regex.Match(html, $@"data-testid=""stat-{Regex.Escape(name)}""[^>]*>([^<]+)<");
        Assert.True(match.Success, $"No stat card named {name} on the page.");
        return long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
