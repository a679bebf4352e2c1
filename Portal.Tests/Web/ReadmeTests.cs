using System.Reflection;
using Portal.Api;
using Portal.Auth;
using Portal.Engine.Candidates;
using Portal.Engine.Diversity;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Engine.Ranking;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;
using Portal.Engine.Training;
using Portal.Storage;

namespace Portal.Tests.Web;

/// <summary>The README's configuration table must name every option the code reads, and its CLI table every verb.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    public static TheoryData<Type, string> OptionClasses => new()
    {
        { typeof(StorageOptions), StorageOptions.SectionName },
        { typeof(WorldOptions), WorldOptions.SectionName },
        { typeof(FeedOptions), FeedOptions.SectionName },
        { typeof(EventsOptions), EventsOptions.SectionName },
        { typeof(CandidatesOptions), CandidatesOptions.SectionName },
        { typeof(RankingOptions), RankingOptions.SectionName },
        { typeof(TrainingOptions), TrainingOptions.SectionName },
        { typeof(Portal.Engine.Instances.InstancesOptions), Portal.Engine.Instances.InstancesOptions.SectionName },
        { typeof(PortalStorageOptions), PortalStorageOptions.SectionName },
        { typeof(AdminAccountOptions), AdminAccountOptions.SectionName },
        { typeof(StaffAuthOptions), StaffAuthOptions.SectionName },
        { typeof(ApiOptions), ApiOptions.SectionName },
        { typeof(Portal.Auth.ApiKeys.ApiKeyOptions), Portal.Auth.ApiKeys.ApiKeyOptions.SectionName },
    };

    [Theory]
    [MemberData(nameof(OptionClasses))]
    public void Configuration_NamesEveryOption(Type options, string section)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsScalar(p.PropertyType)))
        {
            var full = $"`{section}:{property.Name}`";
            var grouped = $"`:{property.Name}`";
            Assert.True(Readme.Contains(full, StringComparison.Ordinal) || (Readme.Contains($"`{section}:", StringComparison.Ordinal) && Readme.Contains(grouped, StringComparison.Ordinal)), $"README does not document {section}:{property.Name}");
        }
    }

    [Fact]
    public void Configuration_NamesEveryDiversityRule()
    {
        foreach (var property in typeof(DiversityRules).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.Contains($"`{property.Name}`", Readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CommandLine_NamesEveryVerb()
    {
        foreach (var verb in Portal.Cli.CliVerbRegistry.Create(new Portal.Cli.CliConsole(TextWriter.Null, TextWriter.Null)))
        {
            Assert.Contains($"| `{verb.Name}", Readme, StringComparison.Ordinal);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(double) || Nullable.GetUnderlyingType(type) is { } inner && IsScalar(inner);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Portal.sln) was not found above the test's folder.");
    }
}
