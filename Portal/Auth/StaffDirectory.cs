using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Storage;

namespace Portal.Auth;

/// <summary>
/// Lists, creates and changes staff accounts. Each call uses its own scope (and so its own
/// <see cref="UserManager{StaffUser}"/> and database context), which is what a long-lived Blazor circuit needs.
/// The overloads that take a <see cref="StaffCaller"/> check <see cref="Policies.ManageStaff"/> on the server; every
/// change is written to the audit trail.
/// </summary>
public sealed class StaffDirectory(
    IDbContextFactory<PortalDbContext> contexts,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IAuditTrail audit,
    StaffAuthorization authorization)
{
    /// <summary>Creates an account for <paramref name="caller"/>, who must hold <see cref="Policies.ManageStaff"/>.</summary>
    public async Task<StaffAccountResult> CreateAsync(StaffCaller caller, NewStaffAccount input, CancellationToken ct = default) =>
        await DemandAsync(caller, $"create the staff account {input.Email.Trim()}", $"staff:{input.Email.Trim()}", ct)
            ? await CreateAsync(input, caller.Actor, ct)
            : new StaffAccountResult().AddError(StaffAuthorization.RefusalMessage(Policies.ManageStaff));

    /// <summary>Changes the roles for <paramref name="caller"/>, who must hold <see cref="Policies.ManageStaff"/>.</summary>
    public async Task<StaffAccountResult> SetRolesAsync(StaffCaller caller, string userId, IReadOnlyCollection<string> roles, CancellationToken ct = default) =>
        await DemandAsync(caller, "change the roles of a staff account", $"staff-id:{userId}", ct)
            ? await SetRolesAsync(userId, roles, caller.Actor, ct)
            : new StaffAccountResult().AddError(StaffAuthorization.RefusalMessage(Policies.ManageStaff));

    /// <summary>Unlocks for <paramref name="caller"/>, who must hold <see cref="Policies.ManageStaff"/>.</summary>
    public async Task<StaffAccountResult> UnlockAsync(StaffCaller caller, string userId, CancellationToken ct = default) =>
        await DemandAsync(caller, "unlock a staff account", $"staff-id:{userId}", ct)
            ? await UnlockAsync(userId, caller.Actor, ct)
            : new StaffAccountResult().AddError(StaffAuthorization.RefusalMessage(Policies.ManageStaff));

    public async Task<StaffAccountPage> GetPageAsync(int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var now = clock.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.Users.CountAsync(ct);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedEmail)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.AccessFailedCount, u.CreatedAt })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name })
            .ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);

        var items = users.Select(u => new StaffAccount(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                rolesByUser[u.Id].OrderBy(RoleOrder).ToList(),
                u.LockoutEnd is { } end && end > now ? end.UtcDateTime : null,
                u.AccessFailedCount,
                u.CreatedAt))
            .ToList();
        return new StaffAccountPage(items, total);
    }

    /// <summary>Creates an account as <paramref name="by"/> (the portal itself when null), without a permission check: for start-up and tools.</summary>
    public async Task<StaffAccountResult> CreateAsync(NewStaffAccount input, AuditActor? by = null, CancellationToken ct = default)
    {
        var email = input.Email.Trim();
        var displayName = input.DisplayName.Trim();
        var result = new StaffAccountResult();
        if (email.Length == 0)
        {
            result.AddFieldError(nameof(NewStaffAccount.Email), "Enter the person's work email.");
        }
        else if (!new EmailAddressAttribute().IsValid(email))
        {
            result.AddFieldError(nameof(NewStaffAccount.Email), "Enter an email address such as name@example.com.");
        }

        if (displayName.Length == 0)
        {
            result.AddFieldError(nameof(NewStaffAccount.DisplayName), "Enter the name to show for this person.");
        }
        else if (displayName.Length > StaffUser.DisplayNameMaxLength)
        {
            result.AddFieldError(nameof(NewStaffAccount.DisplayName), $"Keep the name under {StaffUser.DisplayNameMaxLength} characters.");
        }

        if (input.Password.Length == 0)
        {
            result.AddFieldError(nameof(NewStaffAccount.Password), "Enter an initial password.");
        }

        AddRoleErrors(input.Roles, result);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        if (input.Password.Length > 0)
        {
            foreach (var validator in users.PasswordValidators)
            {
                AddIdentityErrors(await validator.ValidateAsync(users, user, input.Password), result);
            }
        }

        if (email.Length > 0 && await users.FindByEmailAsync(email) is not null)
        {
            result.AddFieldError(nameof(NewStaffAccount.Email), "There is already an account with this email.");
        }

        if (!result.Succeeded)
        {
            return result;
        }

        ct.ThrowIfCancellationRequested();
        AddIdentityErrors(await users.CreateAsync(user, input.Password), result);
        if (result.Succeeded)
        {
            AddIdentityErrors(await users.AddToRolesAsync(user, input.Roles), result);
        }

        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(
                by ?? AuditActor.System,
                AuditActions.StaffCreated,
                $"staff:{email}",
                null,
                AuditJson.Serialize(new { email, displayName, roles = input.Roles.OrderBy(RoleOrder).ToList() }),
                null), CancellationToken.None);
        }

        return result;
    }

    /// <summary>Gives the account exactly <paramref name="roles"/>. The last administrator cannot lose the Admin role.</summary>
    public async Task<StaffAccountResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, AuditActor? by = null, CancellationToken ct = default)
    {
        var result = new StaffAccountResult();
        AddRoleErrors(roles, result);
        if (!result.Succeeded)
        {
            return result;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return result.AddError("This account no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        var removed = current.Except(roles).ToList();
        var added = roles.Except(current).ToList();
        if (removed.Contains(StaffRoles.Admin) && (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count <= 1)
        {
            return result.AddError("This is the only administrator. Make someone else an administrator first.");
        }

        ct.ThrowIfCancellationRequested();
        if (removed.Count > 0)
        {
            AddIdentityErrors(await users.RemoveFromRolesAsync(user, removed), result);
        }

        if (result.Succeeded && added.Count > 0)
        {
            AddIdentityErrors(await users.AddToRolesAsync(user, added), result);
        }

        if (result.Succeeded && (removed.Count > 0 || added.Count > 0))
        {
            // Open sessions of this person end at their next revalidation and pick up the new roles on sign-in.
            AddIdentityErrors(await users.UpdateSecurityStampAsync(user), result);
        }

        if (result.Succeeded && (removed.Count > 0 || added.Count > 0))
        {
            await audit.AppendAsync(new AuditRecord(
                by ?? AuditActor.System,
                AuditActions.StaffRolesChanged,
                $"staff:{user.Email}",
                AuditJson.Serialize(current.OrderBy(RoleOrder).ToList()),
                AuditJson.Serialize(roles.OrderBy(RoleOrder).ToList()),
                null), CancellationToken.None);
        }

        return result;
    }

    /// <summary>Ends a lock-out after failed sign-ins and clears the failure count.</summary>
    public async Task<StaffAccountResult> UnlockAsync(string userId, AuditActor? by = null, CancellationToken ct = default)
    {
        var result = new StaffAccountResult();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return result.AddError("This account no longer exists.");
        }

        ct.ThrowIfCancellationRequested();
        var lockedUntil = user.LockoutEnd;
        var failures = user.AccessFailedCount;
        AddIdentityErrors(await users.SetLockoutEndDateAsync(user, null), result);
        if (result.Succeeded)
        {
            AddIdentityErrors(await users.ResetAccessFailedCountAsync(user), result);
        }

        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord(
                by ?? AuditActor.System,
                AuditActions.StaffUnlocked,
                $"staff:{user.Email}",
                AuditJson.Serialize(new { lockedUntil = lockedUntil?.UtcDateTime, failedSignIns = failures }),
                AuditJson.Serialize(new { lockedUntil = (DateTime?)null, failedSignIns = 0 }),
                null), CancellationToken.None);
        }

        return result;
    }

    private Task<bool> DemandAsync(StaffCaller caller, string attempted, string target, CancellationToken ct) =>
        authorization.DemandAsync(caller, Policies.ManageStaff, attempted, target, ct);

    private static int RoleOrder(string role)
    {
        for (var i = 0; i < StaffRoles.All.Count; i++)
        {
            if (StaffRoles.All[i] == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static void AddRoleErrors(IReadOnlyCollection<string> roles, StaffAccountResult result)
    {
        if (roles.Count == 0)
        {
            result.AddFieldError(nameof(NewStaffAccount.Roles), "Choose at least one role.");
        }

        foreach (var unknown in roles.Except(StaffRoles.All))
        {
            result.AddFieldError(nameof(NewStaffAccount.Roles), $"There is no role called '{unknown}'.");
        }
    }

    private static void AddIdentityErrors(IdentityResult identity, StaffAccountResult result)
    {
        foreach (var error in identity.Errors)
        {
            var field = error.Code switch
            {
                var code when code.StartsWith("Password", StringComparison.Ordinal) => nameof(NewStaffAccount.Password),
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(NewStaffAccount.Email),
                "InvalidRoleName" => nameof(NewStaffAccount.Roles),
                _ => null,
            };

            if (field is null)
            {
                result.AddError(error.Description);
            }
            else
            {
                result.AddFieldError(field, error.Description);
            }
        }
    }
}
