using MudBlazor;
using MudBlazor.Services;
using Portal.Components.Pages.Moderation;
using Portal.Components.Pages.Rules;
using Portal.Components.Pages.Training;
using Portal.Components.Shared;
using Portal.Hosting;

namespace Portal.Components;

public static class ComponentsExtensions
{
    /// <summary>Razor components with interactive server rendering, and MudBlazor's services.</summary>
    public static IServiceCollection AddPortalComponents(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = true;
            options.SnackbarConfiguration.ShowCloseIcon = true;
            options.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddSingleton(provider => VideoThumbnails.FromFolder(provider.GetRequiredService<PortalAssets>().Root));
        services.AddScoped<RulesPublisher>();
        services.AddScoped<TrainingActions>();
        services.AddScoped<ModerationDialogs>();
        return services;
    }

    /// <summary>A plain error page for unhandled exceptions and a not-found page for unknown addresses.</summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }

    public static RazorComponentsEndpointConventionBuilder MapPortalComponents(this WebApplication app) =>
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}
