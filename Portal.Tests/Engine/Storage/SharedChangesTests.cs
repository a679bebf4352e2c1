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
        Assert.False(shared.AllOwn(SharedChanges.Rules, 0, 2)); // forgotten once looked at
        Assert.False(shared.AllOwn(SharedChanges.Rules, 2, 3));
        Assert.False(shared.AllOwn(SharedChanges.Catalog, 0, 1));
    }

    /// <summary>Another instance's change between two of this one's is not taken for this one's.</summary>
    [Theory, EachProvider]
    public async Task AllOwn_AForeignVersionInBetween_IsNotAllOwn(DatabaseProvider provider)
    {
        await using var a = await EngineTestDatabase.CreateAsync(provider: provider);
        await using var b = await a.AttachInstanceAsync();
        var mine = a.Get<SharedChanges>();

        Assert.Equal(1, await mine.BumpAsync(SharedChanges.Rules));
        Assert.Equal(2, await b.Get<SharedChanges>().BumpAsync(SharedChanges.Rules));
        Assert.Equal(3, await mine.BumpAsync(SharedChanges.Rules));

        Assert.False(mine.AllOwn(SharedChanges.Rules, 0, 3));
        Assert.False(b.Get<SharedChanges>().AllOwn(SharedChanges.Rules, 0, 3));
    }
}
