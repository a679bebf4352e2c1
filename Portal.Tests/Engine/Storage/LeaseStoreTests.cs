using Portal.Engine.Storage;

namespace Portal.Tests.Engine.Storage;

public sealed class LeaseStoreTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory, EachProvider]
    public async Task Acquire_HeldByAnother_IsRefusedUntilReleasedOrExpired(DatabaseProvider provider)
    {
        await using var database = await EngineTestDatabase.CreateAsync(provider: provider);
        var leases = database.Get<LeaseStore>();

        Assert.True(await leases.TryAcquireAsync("job", "a", Minute));
        Assert.True(await leases.TryAcquireAsync("job", "a", Minute));
        Assert.False(await leases.TryAcquireAsync("job", "b", Minute));
        Assert.Equal("a", await leases.HolderAsync("job"));
        Assert.True(await leases.TryAcquireAsync("other", "b", Minute));

        await leases.ReleaseAsync("job", "b");
        Assert.Equal("a", await leases.HolderAsync("job"));
        await leases.ReleaseAsync("job", "a");
        Assert.Null(await leases.HolderAsync("job"));
        Assert.True(await leases.TryAcquireAsync("job", "b", Minute));

        database.Clock.Advance(Minute - TimeSpan.FromSeconds(1));
        Assert.False(await leases.TryAcquireAsync("job", "a", Minute));
        database.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await leases.TryAcquireAsync("job", "a", Minute));
        Assert.False(await leases.RenewAsync("job", "b", Minute));
        Assert.True(await leases.RenewAsync("job", "a", Minute));
    }
}
