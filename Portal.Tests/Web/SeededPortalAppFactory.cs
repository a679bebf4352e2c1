namespace Portal.Tests.Web;

/// <summary>A <see cref="PortalAppFactory"/> that has loaded the tiny world before its first test.</summary>
public sealed class SeededPortalAppFactory : PortalAppFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await SeedTinyWorldAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
