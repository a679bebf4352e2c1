using Portal.Audit;
using Portal.Auth;
using Portal.Engine.Catalog;

namespace Portal.Users;

/// <summary>
/// Switches an app user's personalisation on or off, from the API (the app, on the user's behalf) or from the user
/// page (<see cref="Policies.Moderate"/>). With it off, the user's feed is chosen only by popularity in their region
/// and the diversity rules, from their next request on. Every switch is recorded in the audit trail.
/// </summary>
public sealed class PersonalizationSettings(UserDirectory users, StaffAuthorization authorization, IAuditTrail audit)
{
    public async Task<PersonalizationChange> SetAsync(StaffCaller caller, long userId, bool personalized, CancellationToken ct = default)
    {
        var verb = personalized ? "turn personalisation on" : "turn personalisation off";
        if (!await authorization.DemandAsync(caller, Policies.Moderate, $"{verb} for user {userId}", $"user:{userId}", ct))
        {
            return new PersonalizationChange(false, false, null, personalized, StaffAuthorization.RefusalMessage(Policies.Moderate));
        }

        return await SetAsync(caller.Actor, userId, personalized, ct);
    }

    /// <summary>Without a permission check: for the API, whose key was checked already.</summary>
    public async Task<PersonalizationChange> SetAsync(AuditActor actor, long userId, bool personalized, CancellationToken ct = default)
    {
        // FindAsync also finds a user another instance on the same database registered a moment ago.
        if (await users.FindAsync(userId, ct) is not { } profile)
        {
            return new PersonalizationChange(false, true, null, personalized, $"There is no user {userId}.");
        }

        var before = profile.Personalized;
        if (before == personalized)
        {
            return new PersonalizationChange(true, false, before, personalized, null);
        }

        await users.SetPersonalizedAsync(userId, personalized, ct);
        await audit.AppendAsync(new AuditRecord(
            actor,
            AuditActions.PersonalizationChanged,
            $"user:{userId}",
            AuditJson.Serialize(new { personalized = before }),
            AuditJson.Serialize(new { personalized }),
            null), CancellationToken.None);
        return new PersonalizationChange(true, false, before, personalized, null);
    }
}
