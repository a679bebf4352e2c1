using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Storage;

namespace Portal.Auth;

/// <summary>
/// On start: creates the staff roles and, when no account holds the Admin role, the first administrator
/// (<see cref="AdminAccountOptions"/>). A generated password is printed once to the console.
/// </summary>
public sealed class StaffAccountsInitializer(
    IServiceScopeFactory scopes,
    IOptions<AdminAccountOptions> adminOptions,
    TimeProvider clock,
    ILogger<StaffAccountsInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        // Instances starting together on one PostgreSQL database would each find a role or the administrator missing
        // and each create it; they take turns in a transaction (the stores share this scope's context, so their saves
        // join it) that locks the roles table first.
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsNpgsql())
        {
            await EnsureAsync(roles, users, ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockForWritingAsync<IdentityRole>(ct);
        await EnsureAsync(roles, users, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task EnsureAsync(RoleManager<IdentityRole> roles, UserManager<StaffUser> users, CancellationToken ct)
    {
        foreach (var role in StaffRoles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the {role} role");
            }
        }

        if ((await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count > 0)
        {
            return;
        }

        var options = adminOptions.Value;
        var existing = await users.FindByEmailAsync(options.Email);
        if (existing is not null)
        {
            Check(await users.AddToRoleAsync(existing, StaffRoles.Admin), $"make {options.Email} an administrator");
            log.LogWarning("No account held the Admin role; gave it to the existing account {Email}", options.Email);
            return;
        }

        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? StaffPasswordGenerator.Generate() : options.Password!;
        var admin = new StaffUser
        {
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            DisplayName = options.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(admin, password), $"create the administrator {options.Email} (check {AdminAccountOptions.SectionName}:Password)");
        Check(await users.AddToRoleAsync(admin, StaffRoles.Admin), $"make {options.Email} an administrator");

        if (generated)
        {
            PrintGeneratedPassword(options.Email, password);
        }
        else
        {
            log.LogInformation("Created the administrator {Email} with the configured password", options.Email);
        }
    }

    private void PrintGeneratedPassword(string email, string password)
    {
        var console = Console.Out;
        var rule = new string('=', 64);
        console.WriteLine();
        console.WriteLine(rule);
        console.WriteLine("  The first administrator account was created.");
        console.WriteLine();
        console.WriteLine($"    Email:    {email}");
        console.WriteLine($"    Password: {password}");
        console.WriteLine();
        console.WriteLine("  This password is shown only once. Sign in, then keep it");
        console.WriteLine($"  somewhere safe. To choose it yourself, set {AdminAccountOptions.SectionName}:Password");
        console.WriteLine("  before the first start.");
        console.WriteLine(rule);
        console.WriteLine();
        console.Flush();
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
