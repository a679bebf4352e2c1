using Bunit;
using Portal.Components.Shared;
using Portal.Engine.Feed;

namespace Portal.Tests.Web.Components.Shared;

public sealed class ReasonChipsTests : SharedComponentContext
{
    [Fact]
    public void Render_ShortReason_ShowsItsSentence()
    {
        var chips = Render<ReasonChips>(p => p.Add(c => c.Reasons, [new FeedReason("creators", "followed-creator", "From @mia.cats.7, whom you follow")]));

        var chip = chips.Find("[data-testid=reason]");
        Assert.Equal("From @mia.cats.7, whom you follow", chip.QuerySelector(".portal-reason-text")!.TextContent);
        Assert.Contains("portal-reason-personal", chip.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongReason_ShowsTheSourceNameInstead()
    {
        var chips = Render<ReasonChips>(p => p.Add(c => c.Reasons,
            [new FeedReason("coldStart", "cold-start", "A first batch: popular videos across different topics, sounds and creators")]));

        Assert.Equal("Cold start", chips.Find(".portal-reason-text").TextContent);
        Assert.Contains("portal-reason-neutral", chips.Find("[data-testid=reason]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SeveralReasons_KeepsTheirOrderAndTones()
    {
        var chips = Render<ReasonChips>(p => p.Add(c => c.Reasons,
        [
            new FeedReason("popular", "popular-language", "Popular with English speakers"),
            new FeedReason("exploration", "exploration", "Exploring #surfing, new to you"),
            new FeedReason("somethingNew", "new-source", "Proposed by a source the portal does not know yet"),
        ]));

        var rendered = chips.FindAll("[data-testid=reason]");
        Assert.Equal(["popular-language", "exploration", "new-source"], rendered.Select(r => r.GetAttribute("data-code")));
        Assert.Contains("portal-reason-warm", rendered[0].ClassName, StringComparison.Ordinal);
        Assert.Contains("portal-reason-explore", rendered[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("Proposed by a source the portal does not know yet", rendered[2].QuerySelector(".portal-reason-text")!.TextContent);
    }

    [Fact]
    public void Render_NoReason_SaysSo()
    {
        var chips = Render<ReasonChips>(p => p.Add(c => c.Reasons, []));

        Assert.Contains("No reason recorded", chips.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("similarContent", "Similar content")]
    [InlineData("coEngagement", "Liked by similar people")]
    [InlineData("brandNewSource", "Brand new source")]
    public void SourceName_KnownAndUnknownSources_ReadAsWords(string source, string expected)
    {
        Assert.Equal(expected, ReasonChips.SourceName(source));
    }
}
