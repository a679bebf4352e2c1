using Portal.Engine.Import;

namespace Portal.Tests.Engine.Import;

public sealed class HashtagNormalizerTests
{
    [Theory]
    [InlineData("Sci-Fi", "sci-fi")]
    [InlineData("Film-Noir", "film-noir")]
    [InlineData("Children's", "childrens")]
    [InlineData("dark hero", "dark-hero")]
    [InlineData("  In  Netflix queue ", "in-netflix-queue")]
    [InlineData("#Comedy", "comedy")]
    [InlineData("美食", "美食")]
    [InlineData("High Tech - news", "high-tech-news")]
    [InlineData("!!!", null)]
    [InlineData("  ", null)]
    public void Normalize_FollowsTheDocumentedRule(string raw, string? expected) =>
        Assert.Equal(expected, HashtagNormalizer.Normalize(raw));

    [Fact]
    public void Normalize_LongText_IsCutTo100Characters() =>
        Assert.Equal(100, HashtagNormalizer.Normalize(new string('a', 150))!.Length);
}
