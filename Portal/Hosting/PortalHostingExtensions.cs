using Microsoft.Net.Http.Headers;

namespace Portal.Hosting;

public static class PortalHostingExtensions
{
    /// <summary>Where the portal listens when neither ASPNETCORE_URLS, --urls, the HTTP ports settings nor Kestrel endpoints say otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// The web application's options. The content root is the current directory as usual, except when the built
    /// application is started from elsewhere (<c>dotnet path/to/Portal.dll</c>): then it is the application's own
    /// folder, so that appsettings.json is found. An explicit content root (argument or environment) always wins.
    /// The web root is <c>wwwroot-assets/</c>, found from the content root (<see cref="PortalAssets.Locate"/>).
    /// </summary>
    public static WebApplicationOptions CreateOptions(string[] args)
    {
        var explicitRoot = ExplicitContentRoot(args);
        string? chosen = null;
        if (explicitRoot is null
            && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        {
            chosen = AppContext.BaseDirectory;
        }

        var assets = PortalAssets.Locate(explicitRoot ?? chosen ?? Directory.GetCurrentDirectory());
        return new WebApplicationOptions { Args = args, ContentRootPath = chosen, WebRootPath = assets.Root };
    }

    /// <summary>The default listen address, the start-up work (migrations, first administrator) and the static files folder.</summary>
    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // MudBlazor's and Blazor's own files: from the build's static web assets manifest when run from a build
        // output in any environment (a no-op in a published output, where they are copied under the web root).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(PortalAssets.Locate(builder.Environment.ContentRootPath));
        builder.Services.AddHostedService<PortalStartup>();
        return builder;
    }

    /// <summary>Serves <c>wwwroot-assets/</c> at the site root, before authentication: anyone may fetch the logo or the css.</summary>
    public static WebApplication UsePortalAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Services.GetRequiredService<PortalAssets>().CreateFileProvider(),
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600",
        });
        return app;
    }

    private static string? ExplicitContentRoot(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i].TrimStart('-', '/');
            if (arg.StartsWith("contentRoot=", StringComparison.OrdinalIgnoreCase))
            {
                return arg["contentRoot=".Length..];
            }

            if (arg.Equals("contentRoot", StringComparison.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                return args[i + 1];
            }
        }

        return Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 } aspnet ? aspnet
            : Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 } dotnet ? dotnet
            : null;
    }
}
