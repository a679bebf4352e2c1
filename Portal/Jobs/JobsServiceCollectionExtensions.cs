using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Portal.Auth;
using Portal.Engine.Candidates;

namespace Portal.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Where the Hangfire dashboard is served (Admins only).</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire with in-memory storage and a server in this process, the job services, and the registration of the
    /// recurring jobs from their stored schedules. The storage and job activator are this container's own (not
    /// Hangfire's static defaults), so that several hosts in one process (tests) never share jobs. The engine's own
    /// engagement refresh timer is turned off: the popularity refresh runs as a recurring job instead.
    /// </summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(options =>
        {
            options.ServerName = $"portal-{Environment.MachineName}-{Environment.ProcessId}";
            options.WorkerCount = 2;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            options.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });

        services.AddTransient<RetrainModelJob>();
        services.AddTransient<RefreshPopularityJob>();
        services.AddSingleton<TrainingScheduler>();
        services.AddHostedService<RecurringJobsRegistration>();
        services.PostConfigure<CandidatesOptions>(options => options.BackgroundRefresh = false);
        return services;
    }

    /// <summary>The Hangfire dashboard at <see cref="DashboardPath"/>, for Admins only, with a link back to the Training page.</summary>
    public static IEndpointConventionBuilder MapPortalJobs(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AppPath = "/training",
            DashboardTitle = "Portal · background jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
        });
}
