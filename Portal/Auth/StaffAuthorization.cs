using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Audit;

namespace Portal.Auth;

/// <summary>
/// Checks on the server that a member of staff's roles allow an action (a hidden button is not a permission check),
/// and writes every refusal to the audit trail.
/// </summary>
public sealed class StaffAuthorization(IAuthorizationService authorization, IAuditTrail audit, ILogger<StaffAuthorization> log)
{
    /// <summary>True when <paramref name="user"/> is signed in and satisfies <paramref name="policy"/>.</summary>
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, string policy) =>
        user.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    /// <summary>
    /// True when the caller may act under <paramref name="policy"/>; otherwise records the refused attempt
    /// (<see cref="AuditActions.AccessDenied"/>) and returns false.
    /// </summary>
    /// <param name="attempted">What the caller tried, in words ("remove video 12").</param>
    /// <param name="target">What it was about ("video:12"), for the audit trail's target column.</param>
    public async Task<bool> DemandAsync(StaffCaller caller, string policy, string attempted, string? target = null, CancellationToken ct = default)
    {
        if (await AllowsAsync(caller.User, policy))
        {
            return true;
        }

        log.LogWarning("{Staff} tried to {Action} without the {Policy} permission", caller.Name, attempted, policy);
        await audit.AppendAsync(new AuditRecord(caller.Actor, AuditActions.AccessDenied, target, null, attempted, $"Needs the {policy} permission"), ct);
        return false;
    }

    /// <summary>The sentence shown when an action is refused.</summary>
    public static string RefusalMessage(string policy)
    {
        var roles = Policies.Get(policy).Roles.Select(StaffRoles.DisplayName).ToList();
        var list = roles.Count == 1 ? roles[0] : string.Join(", ", roles.Take(roles.Count - 1)) + " or " + roles[^1];
        return $"Your roles don't allow this (it needs the {list} role). Nothing was changed.";
    }
}
