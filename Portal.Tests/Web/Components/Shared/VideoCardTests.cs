using Bunit;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;

namespace Portal.Tests.Web.Components.Shared;

public sealed class VideoCardTests : SharedComponentContext
{
    [Fact]
    public void Render_KnownFirstHashtag_ShowsThatThumbnailAndTheVideosFacts()
    {
        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item()));

        Assert.Equal("thumbnails/cats.svg", card.Find("img").GetAttribute("src"));
        Assert.Equal("2", card.Find(".portal-video-position").TextContent.Trim());
        Assert.Contains("42 %", card.Find("[data-testid=score]").TextContent, StringComparison.Ordinal);
        Assert.Equal("#cats", card.Find("[data-testid=cluster]").TextContent);
        Assert.Contains("@mia.cats.7", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Purr Loop", card.Find(".portal-video-sound").TextContent, StringComparison.Ordinal);
        Assert.Equal(["#cats", "#kitten", "#fyp"], card.FindAll(".portal-tag").Select(t => t.TextContent));
        Assert.Single(card.FindAll("[data-testid=reason]"));
    }

    [Theory]
    [InlineData("unicycling")]
    [InlineData("../secrets")]
    [InlineData("default")]
    public void Render_UnknownFirstHashtag_FallsBackToTheDefaultThumbnail(string hashtag)
    {
        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item(hashtags: [hashtag, "cats"])));

        Assert.Equal(VideoThumbnails.Default, card.Find("img").GetAttribute("src"));
    }

    [Fact]
    public void Render_NoHashtag_FallsBackToTheDefaultThumbnail()
    {
        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item(hashtags: [])));

        Assert.Equal(VideoThumbnails.Default, card.Find("img").GetAttribute("src"));
        Assert.Empty(card.FindAll(".portal-tag"));
    }

    [Fact]
    public void Explain_Click_ShowsRankMovementRuleEffectsAndEveryFeature()
    {
        var effects = new[] { "one-creator limit kept 2 higher-ranked candidates out" };
        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item(ruleEffects: effects, position: 2, rankBefore: 5)));
        Assert.False(card.Find("[data-testid=explain]").GetAttribute("aria-expanded") == "true");

        card.Find("[data-testid=explain]").Click();

        var explanation = card.Find("[data-testid=explanation]");
        Assert.Contains("Rank by score 5", explanation.TextContent, StringComparison.Ordinal);
        Assert.Contains("position 2", explanation.TextContent, StringComparison.Ordinal);
        Assert.Contains("(up 3)", explanation.TextContent, StringComparison.Ordinal);
        Assert.Contains(effects[0], explanation.TextContent, StringComparison.Ordinal);
        Assert.Equal(RankingFeatures.Count, card.FindAll(".portal-features tbody tr").Count);
        Assert.Contains("Content similarity", explanation.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.80", card.FindAll(".portal-feature-value")[RankingFeatures.Popularity].TextContent);
        Assert.Single(card.FindAll(".portal-feature-negative"));
    }

    [Fact]
    public void Render_NoRuleMovedIt_SaysSo()
    {
        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item(position: 3, rankBefore: 3)));

        card.Find("[data-testid=explain]").Click();

        Assert.Contains("No diversity rule moved it.", card.Find("[data-testid=explanation]").TextContent, StringComparison.Ordinal);
        Assert.Contains("kept its place", card.Find("[data-testid=explanation]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ExplorationSlotAndActions_AreShown()
    {
        var clicked = 0;
        var card = Render<VideoCard>(p => p
            .Add(c => c.Item, Item(exploration: true))
            .Add(c => c.Actions, builder =>
            {
                builder.OpenComponent<MudButton>(0);
                builder.AddComponentParameter(1, nameof(MudButton.OnClick), Microsoft.AspNetCore.Components.EventCallback.Factory.Create<Microsoft.AspNetCore.Components.Web.MouseEventArgs>(this, () => clicked++));
                builder.AddComponentParameter(2, nameof(MudButton.ChildContent), (Microsoft.AspNetCore.Components.RenderFragment)(b => b.AddContent(0, "Like")));
                builder.CloseComponent();
            }));

        Assert.Contains("Exploration slot", card.Find(".portal-video-flag").TextContent, StringComparison.Ordinal);
        card.Find(".portal-video-actions button").Click();
        Assert.Equal(1, clicked);
    }

    [Fact]
    public void Render_Reasons_EachGetsAChipWithItsCode()
    {
        FeedReason[] reasons =
        [
            new("coldStart", "cold-start", "A first batch: popular videos across different topics, sounds and creators"),
            new("popular", "popular-country", "Popular in US lately"),
        ];

        var card = Render<VideoCard>(p => p.Add(c => c.Item, Item(reasons: reasons)));

        Assert.Equal(["cold-start", "popular-country"], card.FindAll("[data-testid=reason]").Select(r => r.GetAttribute("data-code")));
    }
}
