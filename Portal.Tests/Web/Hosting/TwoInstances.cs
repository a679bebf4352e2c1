using System.Collections.Concurrent;
using Hangfire.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Storage;
using Portal.Tests.Web.Api;

namespace Portal.Tests.Web.Hosting;

/// <summary>
/// Two whole portals (engine, portal database, Hangfire server each) on one fresh PostgreSQL database, as two
/// machines behind a load balancer would be. The first loads the tiny world before the second starts, so that both
/// serve from it. Each can run <see cref="TickJob"/>, which records its runs in <see cref="Ticks"/>. Disposing stops
/// the second, then the first, which drops the database.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public ConcurrentQueue<TickRun> Ticks { get; } = new();

    public Instance First { get; private set; } = null!;

    public Instance Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = new Instance("first", null, Ticks);
        await First.InitializeAsync();
        Second = new Instance("second", First.PostgresDatabase, Ticks);
        await Second.InitializeAsync();
        await Second.WaitForEngineAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        if (First is not null)
        {
            await First.DisposeAsync();
        }
    }

    /// <summary>One of the two portals.</summary>
    public sealed class Instance(string name, string? database, ConcurrentQueue<TickRun> ticks)
        : ApiAppFactory(DatabaseProvider.PostgreSql, null, seed: database is null, postgresDatabase: database)
    {
        public string Name { get; } = name;

        protected override string ApiKeyName => "api-tests-" + Name;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddTransient(_ => new TickJob(Name, ticks)));
        }
    }

    /// <summary>A run of <see cref="TickJob"/>: which instance ran which Hangfire job, for which scheduled time.</summary>
    public sealed record TickRun(string Instance, string JobId, string? ScheduledTime);

    /// <summary>A test-only recurring job that records each run.</summary>
    public sealed class TickJob(string instance, ConcurrentQueue<TickRun> runs)
    {
        public void Run(PerformContext context) =>
            runs.Enqueue(new TickRun(instance, context.BackgroundJob.Id, context.Connection.GetJobParameter(context.BackgroundJob.Id, "Time")));
    }
}
