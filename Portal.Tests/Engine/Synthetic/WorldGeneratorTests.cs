using System.Text;
using Portal.Engine.Events;
using Portal.Engine.Synthetic;

namespace Portal.Tests.Engine.Synthetic;

public sealed class WorldGeneratorTests
{
    private static readonly DateTime Anchor = EngineTestDatabase.Anchor;

    [Fact]
    public void Generate_SameSeedAndPreset_GivesTheIdenticalWorld()
    {
        var first = Fingerprint(WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 11, Anchor)));
        var second = Fingerprint(WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 11, Anchor)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeed_GivesADifferentWorld()
    {
        var first = Fingerprint(WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 11, Anchor)));
        var second = Fingerprint(WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 12, Anchor)));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Generate_Tiny_HasThePresetsSizes()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 3, Anchor));

        Assert.Equal(WorldPresets.Tiny.Videos, world.Videos.Count);
        Assert.Equal(WorldPresets.Tiny.Creators, world.Creators.Count);
        Assert.Equal(WorldPresets.Tiny.Sounds, world.Sounds.Count);
        Assert.Equal(WorldPresets.Tiny.Users, world.Users.Count);
        Assert.Equal(WorldPresets.Tiny.Events, world.Events.Count);
    }

    [Fact]
    public void ThemeCatalog_HasTwentyThemesEachWithHashtagsAndFourLanguages()
    {
        Assert.True(ThemeCatalog.All.Count >= 20);
        Assert.Equal(ThemeCatalog.All.Count, ThemeCatalog.All.Select(t => t.Key).Distinct().Count());
        foreach (var theme in ThemeCatalog.All)
        {
            Assert.True(theme.Hashtags.Count >= 4, theme.Key);
            Assert.True(theme.Words.Count >= 4, theme.Key);
            Assert.All(theme.Words.Values, words => Assert.True(words.Count >= 6, theme.Key));
        }
    }

    [Fact]
    public void Generate_Demo_SoundPopularityIsSkewed()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Demo, 5, Anchor));

        var usesPerSound = world.Videos.GroupBy(v => v.SoundId).Select(g => g.Count()).OrderDescending().ToArray();
        var topTenth = usesPerSound.Take(world.Sounds.Count / 10).Sum();

        // Under a uniform choice the top 10 % of sounds would hold about 10 % of videos; a power law gives far more.
        Assert.True(topTenth > 0.3 * world.Videos.Count, $"top 10 % of sounds are used by {topTenth} of {world.Videos.Count} videos");
        var trending = world.SoundTruths.Where(s => s.Theme < 0).Select(s => s.SoundId).ToHashSet();
        var themesPerTrendingSound = world.Videos.Where(v => trending.Contains(v.SoundId))
            .GroupBy(v => v.SoundId)
            .Select(g => g.Select(v => world.VideoTruths[v.Id - 1].Theme).Distinct().Count());
        Assert.Contains(themesPerTrendingSound, themes => themes >= 5);
    }

    [Fact]
    public void Generate_Demo_SpreadsUsersAndVideosOverLanguages()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Demo, 5, Anchor));

        var userLanguages = world.Users.GroupBy(u => u.Language).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(userLanguages.Count >= 4);
        Assert.All(userLanguages.Values, count => Assert.True(count >= 0.05 * world.Users.Count));
        Assert.Contains(world.Videos, v => v.Language is null);
        Assert.True(world.Videos.Select(v => v.Language).Distinct().Count() >= 5);
        Assert.True(world.Users.Select(u => u.Device).Distinct().Count() >= 3);
    }

    [Fact]
    public void Generate_Demo_CreatorsSpecialiseInOneOrTwoThemes()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Demo, 5, Anchor));

        var themesPerCreator = world.Videos.GroupBy(v => v.CreatorId)
            .Select(g => g.Select(v => world.VideoTruths[v.Id - 1].Theme).Distinct().Count());
        Assert.All(themesPerCreator, count => Assert.InRange(count, 1, 2));
    }

    [Fact]
    public void Generate_Demo_VideosLeadWithTheirThemesHashtag()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Demo, 5, Anchor));
        var tags = world.Hashtags.ToDictionary(h => h.Id, h => h.Tag);

        Assert.All(world.Videos, v => Assert.Equal(ThemeCatalog.All[world.VideoTruths[v.Id - 1].Theme].Key, tags[v.Hashtags.Single(h => h.Position == 0).HashtagId]));
    }

    [Fact]
    public void Generate_Demo_UsersLikeTheirHiddenInterestsFarMoreThanOtherThemes()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Demo, 5, Anchor));
        var interests = world.UserInterests.Select(i => (i.UserId, i.Theme)).ToHashSet();

        double LikeRate(bool interested)
        {
            var impressions = world.Events.Where(e => e.Kind == EngagementKind.Impression && interests.Contains((e.UserId, world.VideoTruths[e.VideoId - 1].Theme)) == interested).Count();
            var likes = world.Events.Where(e => e.Kind == EngagementKind.Like && interests.Contains((e.UserId, world.VideoTruths[e.VideoId - 1].Theme)) == interested).Count();
            return (double)likes / impressions;
        }

        Assert.True(LikeRate(interested: true) > 10 * LikeRate(interested: false));
    }

    [Fact]
    public void Generate_Tiny_EventsAreInTimeOrderAndNeverAfterTheAnchorOrBeforeTheirVideo()
    {
        var world = WorldGenerator.Generate(new WorldSpec(WorldPresets.Tiny, 9, Anchor));

        Assert.True(world.Events.Zip(world.Events.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
        Assert.All(world.Events, e => Assert.True(e.At <= Anchor));
        Assert.All(world.Events, e => Assert.True(e.At >= world.Videos[e.VideoId - 1].CreatedAt));
    }

    private static string Fingerprint(World world)
    {
        var text = new StringBuilder();
        foreach (var v in world.Videos)
        {
            text.Append(v.Id).Append(v.Caption).Append(v.Language).Append(v.SoundId).Append(v.CreatorId).Append(v.CreatedAt.Ticks)
                .AppendJoin(',', v.Hashtags.Select(h => h.HashtagId)).Append('\n');
        }

        foreach (var u in world.Users)
        {
            text.Append(u.Id).Append(u.Language).Append(u.Country).Append(u.Device).Append('\n');
        }

        foreach (var e in world.Events)
        {
            text.Append(e.UserId).Append(e.VideoId).Append(e.Kind).Append(e.WatchFraction).Append(e.At.Ticks).Append('\n');
        }

        foreach (var i in world.UserInterests)
        {
            text.Append(i.UserId).Append(i.Theme).Append(i.Weight).Append('\n');
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
