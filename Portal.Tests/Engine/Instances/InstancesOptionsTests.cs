using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Portal.Engine.Instances;
using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Instances;

public sealed class InstancesOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void Validate_IntervalOutOfRange_IsInvalid(int seconds)
    {
        var options = new InstancesOptions { SyncIntervalSeconds = seconds };

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void SyncEnabled_Unset_IsOnForPostgresOnly()
    {
        Assert.True(new InstancesOptions().SyncEnabled(DatabaseProvider.PostgreSql));
        Assert.False(new InstancesOptions().SyncEnabled(DatabaseProvider.Sqlite));
        Assert.True(new InstancesOptions { Sync = true }.SyncEnabled(DatabaseProvider.Sqlite));
        Assert.False(new InstancesOptions { Sync = false }.SyncEnabled(DatabaseProvider.PostgreSql));
    }

    [Fact]
    public void Readme_NamesEveryOption()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var property in typeof(InstancesOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.Contains($"`{InstancesOptions.SectionName}:{property.Name}`", readme, StringComparison.Ordinal);
        }
    }

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
