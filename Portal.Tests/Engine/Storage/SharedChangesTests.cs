using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Storage;

public sealed class SharedChangesTests
{
    [Theory, EachProvider]
    public async Task Bump_CountsUpPerName_AndRemembersItsOwn(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var shared = database.Get<SharedChanges>();

        Assert.Equal(1, await shared.BumpAsync(SharedChanges.Rules));
        Assert.Equal(2, await shared.BumpAsync(SharedChanges.Rules));
        Assert.Equal(1, await shared.BumpAsync(SharedChanges.Model));

        var all = await shared.ReadAllAsync();
        Assert.Equal(2, all[SharedChanges.Rules]);
        Assert.Equal(1, all[SharedChanges.Model]);
        Assert.True(shared.AllOwn(SharedChanges.Rules, 0, 2));
        Assert.False(shared.AllOwn(SharedChanges.Rules, 2, 3));
        Assert.False(shared.AllOwn(SharedChanges.Catalog, 0, 1));
    }
}
