namespace Portal.Cli;

/// <summary>
/// The generic host verbs run in: the same appsettings.json and environment variables as the web portal,
/// the engine's services, and logging quiet enough that the verb's own output reads clearly. No web server.
/// </summary>
public static class CliHost
{
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        // After the configuration's rules, so these win: a verb prints its own progress; logs are for problems.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Portal", LogLevel.Warning);
        builder.Logging.AddFilter("Portal.Engine", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        return builder;
    }
}
