using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Portal.Audit;

/// <summary>
/// Writes every request refused for lack of a permission (a signed-in member of staff opening a page or calling an
/// endpoint their roles do not allow) to the audit trail, then lets the handler it wraps answer as before (the
/// access-denied page for pages, problem details under <c>/api</c>).
/// </summary>
public sealed class AuditingAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner, IAuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var request = context.Request;
            var path = request.Path.Value ?? "/";
            var endpoint = context.GetEndpoint();
            var policies = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy)
                .Where(p => !string.IsNullOrEmpty(p))
                .Distinct()
                .ToList() ?? [];
            var kind = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? "page" : "endpoint";
            await audit.AppendAsync(new AuditRecord(
                new AuditActor(context.User.Identity.Name ?? "unknown", context.Connection.RemoteIpAddress?.ToString()),
                AuditActions.AccessDenied,
                $"{kind}:{path}",
                null,
                $"{request.Method} {path}{request.QueryString}",
                policies.Count == 0 ? "Not allowed by the caller's roles" : $"Needs the {string.Join(" and ", policies)} permission"));
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
