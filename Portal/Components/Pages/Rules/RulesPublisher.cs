using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Auth;
using Portal.Engine.Diversity;

namespace Portal.Components.Pages.Rules;

/// <summary>
/// Publishes and rolls back diversity rules for a member of staff, after checking on the server that their roles
/// allow it (<see cref="Policies.EditRules"/>): a hidden button is not a permission check. The author recorded with
/// the version is the staff member's sign-in email.
/// </summary>
public sealed class RulesPublisher(DiversityRulesStore store, IAuthorizationService authorization, ILogger<RulesPublisher> log)
{
    /// <summary>The key of the error returned when the staff member may not change the rules.</summary>
    public const string PermissionKey = "permission";

    public const string PermissionMessage = "Changing the diversity rules needs the Admin or Product manager role; the rules were not changed.";

    public async Task<bool> CanEditAsync(ClaimsPrincipal staff) =>
        staff.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(staff, Policies.EditRules)).Succeeded;

    public async Task<RulesPublication> PublishAsync(ClaimsPrincipal staff, DiversityRules rules, string reason, CancellationToken ct = default)
    {
        if (!await CanEditAsync(staff))
        {
            return Refused(staff, "publish");
        }

        var publication = await store.PublishAsync(rules, Author(staff), reason, ct);
        if (publication.Published is { } published)
        {
            log.LogInformation("{Author} published diversity rules version {Version}: {Reason}", published.Author, published.Version, published.Reason);
        }

        return publication;
    }

    public async Task<RulesPublication> RollbackAsync(ClaimsPrincipal staff, int version, string reason, CancellationToken ct = default)
    {
        if (!await CanEditAsync(staff))
        {
            return Refused(staff, "roll back");
        }

        var publication = await store.RollbackAsync(version, Author(staff), reason, ct);
        if (publication.Published is { } published)
        {
            log.LogInformation("{Author} rolled the diversity rules back to version {Old} as version {Version}", published.Author, version, published.Version);
        }

        return publication;
    }

    private static string Author(ClaimsPrincipal staff) => staff.Identity?.Name ?? "";

    private RulesPublication Refused(ClaimsPrincipal staff, string action)
    {
        log.LogWarning("{Staff} tried to {Action} the diversity rules without the {Policy} permission", staff.Identity?.Name ?? "someone not signed in", action, Policies.EditRules);
        return new RulesPublication(null, new Dictionary<string, string[]> { [PermissionKey] = [PermissionMessage] });
    }
}
