using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Auth.ApiKeys;
using Scalar.AspNetCore;

namespace Portal.Api;

public static class ApiExtensions
{
    /// <summary>Everything under this path is the HTTP API: API keys, problem details for every error.</summary>
    public const string PathPrefix = "/api";

    /// <summary>The browsable API reference (Scalar), open to anyone.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>The rate-limiting policy of the API routes: a token bucket per API key.</summary>
    public const string RateLimitPolicy = "per-api-key";

    /// <summary>
    /// The HTTP API's services: its options (<see cref="ApiOptions"/>), API key authentication, problem details for
    /// every error, JSON limits, a token bucket per key, and the OpenAPI document.
    /// </summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddApiKeyAuthentication();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
            problem.ProblemDetails.Instance ??= problem.HttpContext.Request.Path);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Unreadable requests throw, so that the exception handler can say what was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<JsonOptions>().Configure<IOptions<ApiOptions>>((json, api) =>
        {
            json.SerializerOptions.MaxDepth = api.Value.MaxJsonDepth;
            // A number is a number: "5" is refused where a number belongs, as 5 is where a string belongs.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        services.AddRateLimiter(options =>
        {
            options.AddPolicy(RateLimitPolicy, PartitionByKey);
            options.OnRejected = RejectAsync;
        });

        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiKeySecuritySchemeTransformer>();
            options.AddOperationTransformer<ApiKeySecuritySchemeTransformer>();
        });
        return services;
    }

    /// <summary>
    /// For requests under <c>/api</c>: exceptions and empty error responses become problem details, bodies larger
    /// than the route allows are refused before they are read, and each key is rate-limited. Goes after
    /// <c>UseAuthorization</c>, so that the key is known.
    /// </summary>
    public static WebApplication UsePortalApi(this WebApplication app)
    {
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(WriteStatusProblemAsync);
            api.UseRateLimiter();
            api.Use(RefuseOversizedBodyAsync);
        });
        return app;
    }

    /// <summary>The API routes under <c>/api/v1</c> (API key and rate limit required), the OpenAPI document and its browsable reference.</summary>
    public static WebApplication MapPortalApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiKeyDefaults.Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        v1.MapUsersApi(options);
        v1.MapFeedApi();
        v1.MapEventsApi(options);
        v1.MapReportsApi(options);

        app.MapOpenApi().AllowAnonymous();
        // The reference is served from the package's own files; nothing it offers calls out to third-party services.
        app.MapScalarApiReference(DocsPath, scalar => scalar
                .WithTitle("Portal API")
                .AddPreferredSecuritySchemes([ApiKeyDefaults.Scheme])
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry())
            .AllowAnonymous();
        return app;
    }

    /// <summary>Refuses bodies over <paramref name="maxBytes"/> with 413, and says so in the OpenAPI document (with the 415 of a body that is not JSON).</summary>
    public static RouteHandlerBuilder WithRequestBodyLimit(this RouteHandlerBuilder route, long maxBytes) =>
        route.WithMetadata(new RequestBodyLimit(maxBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> PartitionByKey(HttpContext context)
    {
        var hash = context.User.FindFirst(ApiKeyDefaults.KeyHashClaim)?.Value;
        if (hash is null)
        {
            // Not authenticated with a key: authorization has refused it already.
            return RateLimitPartition.GetNoLimiter("");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter(hash, _ => TokenBucket(options));
    }

    /// <summary>
    /// A bucket of <see cref="ApiOptions.Burst"/> tokens refilled at <see cref="ApiOptions.RequestsPerSecond"/>, in
    /// small steps (about 20 a second) rather than once a second, so that the rate holds evenly.
    /// </summary>
    private static TokenBucketRateLimiterOptions TokenBucket(ApiOptions options)
    {
        var tokensPerPeriod = Math.Max(1, options.RequestsPerSecond / 20);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / options.RequestsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context, ApiProblems.Create(
            StatusCodes.Status429TooManyRequests,
            $"This API key sent more than {options.RequestsPerSecond:N0} requests a second (bursts up to {options.Burst:N0}). Wait {seconds} s and try again."));
    }

    private static Task RefuseOversizedBodyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength is { } length
            && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } max
            && length > max)
        {
            return ApiProblems.WriteAsync(context, ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, ApiRequestErrors.TooLargeMessage(context.GetEndpoint())));
        }

        return next(context);
    }

    /// <summary>An error status set without a body (no route, wrong method, a body the framework refused): the same status as a problem.</summary>
    private static Task WriteStatusProblemAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var request = context.Request;
        var code = context.Response.StatusCode;
        var detail = code switch
        {
            StatusCodes.Status404NotFound => $"There is no API route {request.Method} {request.Path}. The routes are described at {DocsPath}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}; use {context.Response.Headers.Allow}.",
            StatusCodes.Status413PayloadTooLarge => ApiRequestErrors.TooLargeMessage(context.GetEndpoint()),
            StatusCodes.Status415UnsupportedMediaType => ApiRequestErrors.UnsupportedMediaTypeMessage,
            StatusCodes.Status400BadRequest => ApiRequestErrors.UnreadableMessage,
            StatusCodes.Status401Unauthorized => ApiKeyAuthenticationHandler.MissingKeyMessage,
            _ => ApiProblems.TitleOf(code) + ".",
        };
        return ApiProblems.WriteAsync(context, ApiProblems.Create(code, detail));
    }
}
