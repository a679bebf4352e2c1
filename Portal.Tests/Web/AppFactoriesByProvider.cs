using Portal.Engine.Storage;

namespace Portal.Tests.Web;

/// <summary>
/// A class fixture for tests that run on each provider (<see cref="EachProviderAttribute"/>): one app per provider,
/// started (and initialised, when it is <see cref="IAsyncLifetime"/>) on first use and shared by the class's tests,
/// as a plain class fixture would be.
/// </summary>
public abstract class AppFactoriesByProvider<TFactory> : IAsyncLifetime
    where TFactory : PortalAppFactory
{
    private readonly Dictionary<DatabaseProvider, Task<TFactory>> _apps = [];

    public Task<TFactory> ForAsync(DatabaseProvider provider)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = StartAsync(provider);
                _apps[provider] = app;
            }

            return app;
        }
    }

    protected abstract TFactory Create(DatabaseProvider provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            if (app.IsCompletedSuccessfully)
            {
                await app.Result.DisposeAsync();
            }
        }
    }

    private async Task<TFactory> StartAsync(DatabaseProvider provider)
    {
        var app = Create(provider);
        try
        {
            if (app is IAsyncLifetime lifetime)
            {
                await lifetime.InitializeAsync();
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
