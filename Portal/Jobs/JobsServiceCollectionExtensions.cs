using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Engine.Candidates;
using Portal.Engine.Storage;

namespace Portal.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Where the Hangfire dashboard is served (Admins only).</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>The schema Hangfire's tables live in, inside the engine's PostgreSQL database.</summary>
    public const string PostgreSqlSchema = "hangfire";

    /// <summary>
    /// Hangfire and a server in this process, the job services, and the registration of the recurring jobs from their
    /// stored schedules. On SQLite (one instance) the job storage is in memory; on PostgreSQL it is the engine's
    /// database (schema <see cref="PostgreSqlSchema"/>), so that every instance sees the same jobs and a scheduled job
    /// runs once across them. The storage and job activator are this container's own (not Hangfire's static defaults),
    /// so that several hosts in one process (tests) never share jobs by accident. The engine's own engagement refresh
    /// timer is turned off: the popularity refresh runs as a recurring job instead.
    /// </summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(provider =>
        {
            if (provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider != DatabaseProvider.PostgreSql)
            {
                return new InMemoryStorage(new InMemoryStorageOptions());
            }

            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.ConnectionStringName} is required on PostgreSQL.");
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgreSqlSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));
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

    /// <summary>
    /// The Hangfire dashboard at <see cref="DashboardPath"/>, for Admins only, with a link back to the Training page.
    /// Its own filter (<see cref="AdminDashboardAuthorizationFilter"/>) decides who gets in, so the endpoint skips the
    /// portal's policies (which would redirect to the sign-in page): someone not signed in gets Hangfire's 401, other
    /// staff its 403, each with a page that says why and where to go (written here, before the portal's status-code
    /// pages could turn it into "no page here").
    /// </summary>
    public static IEndpointConventionBuilder MapPortalJobs(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!context.Response.HasStarted && context.Request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase)
                && context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(context.Response.StatusCode == StatusCodes.Status401Unauthorized
                    ? RefusalPage("Sign in · Portal", "Sign in to see the jobs dashboard", "The background jobs dashboard is for signed-in Admins.", "/Account/Login?ReturnUrl=%2Fhangfire", "Sign in")
                    : RefusalPage("No access · Portal", "The jobs dashboard is for Admins", "Your roles don't include it. The Training page shows the schedules, the runs and their progress.", "/training", "Go to Training"));
            }
        });

        return app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AppPath = "/training",
            DashboardTitle = "Portal · background jobs",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdminDashboardAuthorizationFilter()],
        }).AllowAnonymous();
    }

    private static string RefusalPage(string title, string heading, string text, string href, string link) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>body{font-family:system-ui,sans-serif;margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f5f7f8;color:#1f2937}
        main{max-width:440px;padding:32px;border:1px solid #e3e7ea;border-radius:14px;background:#fff}h1{font-size:1.3rem;margin:0 0 8px}p{color:#5b6472;line-height:1.5}
        a{color:#0f766e;font-weight:600}</style></head>
        <body><main><h1>{{heading}}</h1>
        <p>{{text}}</p>
        <p><a href="{{href}}">{{link}}</a></p></main></body></html>
        """;
}
