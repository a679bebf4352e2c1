using System.Security.Claims;
using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Diversity;

namespace Portal.Components.Pages.Rules;

/// <summary>
/// Publishes and rolls back diversity rules for a member of staff, after checking on the server that their roles
/// allow it (<see cref="Policies.EditRules"/>): a hidden button is not a permission check. The author recorded with
/// the version is the staff member's sign-in email; each publication, rollback and refusal goes to the audit trail.
/// </summary>
public sealed class RulesPublisher(DiversityRulesStore store, StaffAuthorization authorization, IAuditTrail audit, ILogger<RulesPublisher> log)
{
    /// <summary>The key of the error returned when the staff member may not change the rules.</summary>
    public const string PermissionKey = "permission";

    public const string PermissionMessage = "Changing the diversity rules needs the Admin or Product manager role; the rules were not changed.";

    public Task<bool> CanEditAsync(ClaimsPrincipal staff) => authorization.AllowsAsync(staff, Policies.EditRules);

    public Task<RulesPublication> PublishAsync(ClaimsPrincipal staff, DiversityRules rules, string reason, CancellationToken ct = default) =>
        PublishAsync(new StaffCaller(staff, null), rules, reason, ct);

    public Task<RulesPublication> RollbackAsync(ClaimsPrincipal staff, int version, string reason, CancellationToken ct = default) =>
        RollbackAsync(new StaffCaller(staff, null), version, reason, ct);

    public async Task<RulesPublication> PublishAsync(StaffCaller caller, DiversityRules rules, string reason, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.EditRules, "publish diversity rules", "rules", ct))
        {
            return Refused();
        }

        var before = store.TryGetActive();
        var publication = await store.PublishAsync(rules, caller.Name, reason, ct);
        if (publication.Published is { } published)
        {
            log.LogInformation("{Author} published diversity rules version {Version}: {Reason}", published.Author, published.Version, published.Reason);
            await RecordAsync(caller, AuditActions.RulesPublished, before, published);
        }

        return publication;
    }

    public async Task<RulesPublication> RollbackAsync(StaffCaller caller, int version, string reason, CancellationToken ct = default)
    {
        if (!await authorization.DemandAsync(caller, Policies.EditRules, $"roll the diversity rules back to version {version}", "rules", ct))
        {
            return Refused();
        }

        var before = store.TryGetActive();
        var publication = await store.RollbackAsync(version, caller.Name, reason, ct);
        if (publication.Published is { } published)
        {
            log.LogInformation("{Author} rolled the diversity rules back to version {Old} as version {Version}", published.Author, version, published.Version);
            await RecordAsync(caller, AuditActions.RulesRolledBack, before, published);
        }

        return publication;
    }

    private Task RecordAsync(StaffCaller caller, string action, ActiveDiversityRules? before, ActiveDiversityRules after) =>
        audit.AppendAsync(new AuditRecord(
            caller.Actor,
            action,
            $"rules:v{after.Version}",
            before is null ? null : AuditJson.Serialize(new { before.Version, before.Rules }),
            AuditJson.Serialize(new { after.Version, after.Rules }),
            after.Reason));

    private static RulesPublication Refused() =>
        new(null, new Dictionary<string, string[]> { [PermissionKey] = [PermissionMessage] });
}
