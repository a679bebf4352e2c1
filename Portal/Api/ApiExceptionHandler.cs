using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Portal.Engine.Feed;

namespace Portal.Api;

/// <summary>
/// What an API request that threw gets: a problem with a plain message and the right status (400, 413, 415 for a
/// request that could not be read, 503 while the engine starts, 500 otherwise), never the exception's text.
/// Requests outside <c>/api</c> are left to the portal's error page.
/// </summary>
internal sealed class ApiExceptionHandler(
    IOptions<JsonOptions> json,
    IOptions<ApiOptions> options,
    ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public const string InternalErrorMessage = "Something went wrong on our side. The problem was logged; if it keeps happening, report it with the traceId.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiExtensions.IsApiRequest(context))
        {
            return false;
        }

        Microsoft.AspNetCore.Mvc.ProblemDetails problem;
        switch (exception)
        {
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away; there is no one to answer.
                return true;
            case BadHttpRequestException badRequest:
                log.LogDebug("Refused an unreadable API request to {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, badRequest.Message);
                problem = ApiRequestErrors.Describe(badRequest, context.Features.Get<IExceptionHandlerFeature>()?.Endpoint, json.Value.SerializerOptions, options.Value.MaxJsonDepth);
                break;
            case EngineNotReadyException:
                context.Response.Headers.RetryAfter = options.Value.NotReadyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                problem = ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ApiProblems.NotReadyMessage, "Not ready yet");
                break;
            case Portal.Engine.Storage.StorageBusyException:
                context.Response.Headers.RetryAfter = "1";
                problem = ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, "The database is busy; nothing was stored. Send the same request again in a moment (with the same Idempotency-Key, if you used one).", "Busy");
                break;
            default:
                log.LogError(exception, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
                problem = ApiProblems.Create(StatusCodes.Status500InternalServerError, InternalErrorMessage);
                break;
        }

        await ApiProblems.WriteAsync(context, problem);
        return true;
    }
}
