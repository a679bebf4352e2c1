using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Portal.Api;

/// <summary>
/// Under <c>/api</c>, a request that matched no route, or matched one only by path with the wrong method, has an
/// endpoint without metadata (or none). The staff fallback policy would send it to the sign-in page; instead it
/// goes on to the API's own 404 or 405 problem. Everything else is authorized as usual.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && ApiExtensions.IsApiRequest(context) && context.GetEndpoint() is not { Metadata.Count: > 0 })
        {
            return next(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
