using Portal.Engine.Diversity;

namespace Portal.Tests.Engine.Diversity;

public sealed class DiversityRulesValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(DiversityRulesValidator.Validate(new DiversityRules()));

    [Fact]
    public void Validate_MaximumOfZero_IsRefusedWithAMessagePerField()
    {
        var errors = DiversityRulesValidator.Validate(new DiversityRules { MaxPerCreator = 0, MaxPerSound = 0, MaxPerCluster = 0 });

        Assert.Equal(["maxPerCluster", "maxPerCreator", "maxPerSound"], errors.Keys.Order());
        Assert.Contains("between 1 and 8", errors["maxPerCreator"][0]);
    }

    [Fact]
    public void Validate_MinDistinctClustersAboveEight_IsRefused()
    {
        var errors = DiversityRulesValidator.Validate(new DiversityRules { MinDistinctClusters = 9 });

        Assert.Equal("minDistinctClusters", Assert.Single(errors).Key);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -5)]
    [InlineData(201, 0)]
    public void Validate_CooldownOutOfRange_IsRefused(int creatorCooldown, int soundCooldown)
    {
        var errors = DiversityRulesValidator.Validate(new DiversityRules { CreatorCooldown = creatorCooldown, SoundCooldown = soundCooldown });

        Assert.Single(errors);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_MmrLambdaOutsideZeroToOne_IsRefused(double lambda) =>
        Assert.True(DiversityRulesValidator.Validate(new DiversityRules { MmrLambda = lambda }).ContainsKey("mmrLambda"));

    [Fact]
    public void Validate_TooManyExplorationSlots_IsRefused() =>
        Assert.True(DiversityRulesValidator.Validate(new DiversityRules { ExplorationSlots = 5 }).ContainsKey("explorationSlots"));
}
