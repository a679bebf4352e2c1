using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;

namespace Portal.Tests.Web.Auth;

/// <summary>
/// The portal over the tiny world with one account per staff role, each signed in once in its own cookie-keeping
/// client, for the permission matrix tests.
/// </summary>
public sealed class PermissionMatrixFixture : IAsyncLifetime
{
    private const string Password = "Matrix-Passw0rd!";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public PortalAppFactory App { get; } = new();

    /// <summary>The sign-in email of the account that holds only <paramref name="role"/>.</summary>
    public static string EmailOf(string role) => $"matrix-{role.ToLowerInvariant()}@portal.test";

    /// <summary>A client signed in as the account that holds only <paramref name="role"/>.</summary>
    public HttpClient ClientFor(string role) => _clients[role];

    public async Task InitializeAsync()
    {
        await App.SeedTinyWorldAsync();
        foreach (var role in StaffRoles.All)
        {
            await App.CreateStaffAsync(EmailOf(role), Password, role);
            var client = App.CreateBrowserlikeClient();
            await StaffSignIn.SignInAsync(client, EmailOf(role), Password);
            _clients[role] = client;
        }
    }

    /// <summary>The refusals recorded for <paramref name="actor"/> on <paramref name="target"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> DenialsAsync(string actor, string? target = null)
    {
        var page = await App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditFilter(actor, AuditActions.AccessDenied, target), 0, AuditLog.MaxPageSize);
        return page.Items.Where(e => e.Actor == actor && (target is null || e.Target == target)).ToList();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
