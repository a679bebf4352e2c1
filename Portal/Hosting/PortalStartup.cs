using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Engine.Storage;
using Portal.Storage;

namespace Portal.Hosting;

/// <summary>
/// What happens once per start, before the portal serves a request: both databases are brought to the current
/// schema and the staff roles and first administrator exist. Runs in <see cref="StartingAsync"/>, so before every
/// other hosted service (the first-start world among them). Once the server listens, prints where.
/// </summary>
internal sealed class PortalStartup(
    IServiceProvider services,
    IOptions<StorageOptions> engineStorage,
    ILogger<PortalStartup> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (engineStorage.Value.MigrateOnStart)
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        }

        await services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<StaffAccountsInitializer>().InitializeAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            var console = Console.Out;
            console.WriteLine();
            foreach (var address in addresses)
            {
                console.WriteLine($"Portal is running at {address}");
            }

            console.WriteLine("Press Ctrl+C to stop.");
            console.WriteLine();
            console.Flush();
        }
        else
        {
            log.LogDebug("The server reports no addresses (in-memory test server)");
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
