using Portal.Engine.Catalog;
using Portal.Engine.Diversity;
using Portal.Engine.Feed;

namespace Portal.Tests.Engine.Feed;

/// <summary>The invariants every batch must hold, shared by the feed's property tests.</summary>
internal static class FeedAssertions
{
    public static void Eligible(FeedBatch batch, UserProfile profile, HashSet<int> seenBefore, ServingSnapshot snapshot)
    {
        var catalog = snapshot.Catalog;
        Assert.Equal(batch.Items.Count, batch.Items.Select(i => i.VideoId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, batch.Items.Count), batch.Items.Select(i => i.Position));
        foreach (var item in batch.Items)
        {
            var video = catalog.IndexOf(item.VideoId);
            Assert.True(snapshot.Availability.IsServable(video), $"video {item.VideoId} is not servable");
            Assert.DoesNotContain(item.VideoId, seenBefore);
            Assert.True(item.Language is null || item.Language == profile.Language, $"video {item.VideoId} is in {item.Language}, the user speaks {profile.Language}");
            Assert.False(catalog.RequiresApp[video] && profile.Device == DeviceType.Web, $"video {item.VideoId} needs the app");
            if (catalog.AllowedCountriesOf[video] is { } allowed)
            {
                Assert.Contains((short)catalog.CountryIndexOf(profile.Country), allowed);
            }

            Assert.NotEmpty(item.Reasons);
            Assert.InRange(item.Score, 0f, 1f);
        }
    }

    public static void RulesKeptUnlessRelaxed(FeedBatch batch, DiversityRules rules, ServingSnapshot snapshot)
    {
        bool Kept(string rule) => !batch.Relaxed.Contains(rule);

        if (Kept(nameof(DiversityRules.MaxPerCreator)))
        {
            Assert.True(batch.Items.GroupBy(i => i.CreatorId).All(g => g.Count() <= rules.MaxPerCreator), "a creator repeats");
        }

        if (Kept(nameof(DiversityRules.MaxPerSound)))
        {
            Assert.True(batch.Items.GroupBy(i => i.SoundId).All(g => g.Count() <= rules.MaxPerSound), "a sound repeats");
        }

        if (Kept(nameof(DiversityRules.MaxPerCluster)))
        {
            Assert.True(batch.Items.GroupBy(i => i.Cluster).All(g => g.Count() <= rules.MaxPerCluster), "a topic group is over its limit");
        }

        if (Kept(nameof(DiversityRules.MinDistinctClusters)) && Kept(nameof(DiversityRules.MaxPerCluster)))
        {
            Assert.True(batch.Items.Select(i => i.Cluster).Distinct().Count() >= Math.Min(rules.MinDistinctClusters, batch.Items.Count), "too few topic groups");
        }
    }
}
