using Microsoft.EntityFrameworkCore;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Synthetic;

namespace Portal.Tests.Engine.Diversity;

public sealed class RulesImpactAnalyzerTests
{
    [Fact]
    public async Task Compare_StricterDraft_SpreadsTopicGroupsAndRepeatsLessWithoutTouchingAnyone()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(WorldPresets.Small);
        var states = database.Get<UserStateStore>();
        var serving = database.Get<ServingState>();
        var before = await states.GetAsync(1, serving.Current.Catalog);
        var batchesBefore = before.BatchesServed;
        await database.Get<ServedLog>().FlushAsync();
        int logged;
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            logged = await db.ServedBatches.CountAsync();
        }

        var draft = new DiversityRules { MaxPerCluster = 1, MinDistinctClusters = 8, CreatorCooldown = 48, SoundCooldown = 48 };
        var loose = new DiversityRules { MaxPerCluster = 8, MinDistinctClusters = 1, CreatorCooldown = 0, SoundCooldown = 0, MaxPerCreator = 3, MaxPerSound = 3 };
        await database.Get<DiversityRulesStore>().PublishAsync(loose, "pm", "loose rules to compare against");

        var comparison = await database.Get<RulesImpactAnalyzer>().CompareAsync(draft, sampleSize: 60);

        Assert.Equal(60, comparison.Draft.Users);
        Assert.Equal(60 * RulesImpactAnalyzer.BatchesPerUser, comparison.Draft.Batches);
        Assert.True(comparison.Draft.DistinctClusters > comparison.Active.DistinctClusters, $"{comparison.Draft.DistinctClusters} vs {comparison.Active.DistinctClusters}");
        Assert.True(comparison.Draft.RepetitionRate < comparison.Active.RepetitionRate, $"{comparison.Draft.RepetitionRate} vs {comparison.Active.RepetitionRate}");
        Assert.InRange(comparison.Draft.Coverage, 0.0, 1.0);
        Assert.InRange(comparison.Draft.MeanPredictedEngagement, 0.0, 1.0);
        Assert.Equal(2, comparison.ActiveVersion);

        Assert.Equal(batchesBefore, before.BatchesServed);
        await database.Get<ServedLog>().FlushAsync();
        await using var check = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(logged, await check.ServedBatches.CountAsync());
    }
}
