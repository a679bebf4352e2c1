using Microsoft.AspNetCore.Components.Authorization;

namespace Portal.Auth;

/// <summary>
/// The member of staff of this circuit (or request) as a <see cref="StaffCaller"/>. The client address comes from
/// the request that opened the page (<c>App.razor</c> passes it to <c>Routes</c>), since an interactive circuit has
/// no <see cref="HttpContext"/> of its own.
/// </summary>
public sealed class CurrentStaff(AuthenticationStateProvider authentication)
{
    /// <summary>The browser's address; set once by <c>Routes</c>.</summary>
    public string? ClientAddress { get; set; }

    public async Task<StaffCaller> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return new StaffCaller(state.User, ClientAddress);
    }
}
