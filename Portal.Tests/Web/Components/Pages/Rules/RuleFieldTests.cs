using Portal.Components.Pages.Rules;
using Portal.Engine.Diversity;

namespace Portal.Tests.Web.Components.Pages.Rules;

public sealed class RuleFieldTests
{
    [Fact]
    public void All_EveryRuleOnce_WithTheValidatorsKeyAndRange()
    {
        var names = typeof(DiversityRules).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();
        Assert.Equal(names, RuleField.All.Select(f => f.Name).Order());

        foreach (var field in RuleField.All)
        {
            var below = field.Set(new DiversityRules(), field.Min - (field.IsFraction ? 0.5 : 1));
            var above = field.Set(new DiversityRules(), field.Max + (field.IsFraction ? 0.5 : 1));
            Assert.Contains(field.ErrorKey, DiversityRulesValidator.Validate(below).Keys);
            Assert.Contains(field.ErrorKey, DiversityRulesValidator.Validate(above).Keys);
            Assert.Empty(DiversityRulesValidator.Validate(field.Set(new DiversityRules(), field.Min)));
            Assert.Empty(DiversityRulesValidator.Validate(field.Set(new DiversityRules(), field.Max)));
        }
    }

    [Fact]
    public void Sentence_DefaultRules_ReadAsPlainWords()
    {
        var rules = new DiversityRules();

        var sentences = RuleField.All.Select(f => f.Sentence(f.Get(rules))).ToList();

        Assert.Equal(
        [
            "At most 1 video per creator in a batch",
            "At most 1 video with the same sound in a batch",
            "At most 3 videos from one topic group in a batch",
            "At least 4 different topic groups in a batch",
            "A creator shown in the user's last 16 videos is not shown again yet",
            "A sound used in the user's last 8 videos is not used again yet",
            "1 slot per batch kept for a topic group new to the user",
            "Order by 75 % predicted engagement and 25 % novelty against the videos above",
        ], sentences);
    }

    [Fact]
    public void Changes_OnlyChangedFields_OldToNew()
    {
        var active = new DiversityRules();
        var draft = active with { MaxPerCluster = 1, MinDistinctClusters = 8, MmrLambda = 0.5 };

        var changes = RuleField.Changes(active, draft);

        Assert.Equal(
            ["Videos per topic group: 3 → 1", "Distinct topic groups: 4 → 8", "Relevance or novelty: 0.75 → 0.50"],
            changes.Select(c => c.Text));
        Assert.Empty(RuleField.Changes(active, active with { }));
    }
}
