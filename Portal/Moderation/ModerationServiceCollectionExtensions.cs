using Microsoft.AspNetCore.Components.Server.Circuits;
using Portal.Users;

namespace Portal.Moderation;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>
    /// Reports, the queue, actions with the two-person rule, subject histories, who is looking at which case, and the
    /// personalisation switch of app users.
    /// </summary>
    public static IServiceCollection AddPortalModeration(this IServiceCollection services)
    {
        services.AddSingleton<ReportIntake>();
        services.AddSingleton<ModerationQueue>();
        services.AddSingleton<ModerationDesk>();
        services.AddSingleton<ModerationHistory>();
        services.AddSingleton<CasePresence>();
        services.AddSingleton<PersonalizationSettings>();
        services.AddScoped<PresenceCircuitHandler>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<PresenceCircuitHandler>());
        return services;
    }
}
