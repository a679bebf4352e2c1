using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Auth.ApiKeys;

namespace Portal.Api;

/// <summary>
/// Describes the API key in the OpenAPI document: an <c>apiKey</c> security scheme in the <c>X-Api-Key</c> header,
/// required by every operation whose route asks for the <see cref="ApiKeyDefaults.Policy"/> policy.
/// </summary>
internal sealed class ApiKeySecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Portal API";
        document.Info.Description = $"The For You engine's HTTP API: register users, fetch their next feed batch, record what they did. Every route needs an API key in the {ApiKeyDefaults.HeaderName} header; administrators create keys on the portal's API keys page or with the apikey command. Errors are RFC 7807 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key, pk_ followed by 43 characters.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var needsKey = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Any(a => a.Policy == ApiKeyDefaults.Policy);
        if (needsKey)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
