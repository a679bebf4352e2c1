using Microsoft.AspNetCore.Identity;
using Portal.Audit;

namespace Portal.Auth;

/// <summary>The account endpoints that are not pages: signing out.</summary>
public static class AccountEndpoints
{
    public const string SignedOutQuery = "signedOut";

    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        // A form post (antiforgery-checked); allowed for anyone so that an account that lost all its roles can still leave.
        account.MapPost("/Logout", SignOutAsync).WithName("SignOut").AllowAnonymous().DisableAntiforgery();
        return account;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<StaffUser> signInManager, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, IAuditTrail audit)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            await audit.AppendAsync(new AuditRecord(new AuditActor(name, context.Connection.RemoteIpAddress?.ToString()), AuditActions.SignedOut, $"staff:{name}", null, null, null));
        }

        await signInManager.SignOutAsync();
        return TypedResults.LocalRedirect($"~/Account/Login?{SignedOutQuery}=true");
    }
}
