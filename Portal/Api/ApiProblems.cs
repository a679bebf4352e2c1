using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Portal.Api;

/// <summary>The API's problem responses (RFC 7807), so that the same situation reads the same on every route.</summary>
public static class ApiProblems
{
    public const string NotReadyMessage = "The recommendation engine is still starting; try again in a few seconds.";

    /// <summary>400 with a message per field, keyed like the request (<c>language</c>, <c>events[3].kind</c>).</summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "The request has invalid fields.");

    public static ProblemHttpResult NotFound(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        WithErrors(StatusCodes.Status404NotFound, "Not found", detail, errors);

    public static ProblemHttpResult Conflict(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        WithErrors(StatusCodes.Status409Conflict, "Conflict", detail, errors);

    /// <summary>503 with a Retry-After header, while the engine loads its first snapshot.</summary>
    public static ProblemHttpResult EngineNotReady(HttpContext context)
    {
        var seconds = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.NotReadyRetryAfterSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(NotReadyMessage, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready yet");
    }

    /// <summary>
    /// Writes <paramref name="problem"/> as the response, with its status: through the problem details service when
    /// the client accepts JSON, else as problem JSON all the same (an API error is never an HTML page).
    /// </summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem) => TypedResults.Problem(problem).ExecuteAsync(context);

    /// <summary>A problem with the default title of its status code.</summary>
    public static ProblemDetails Create(int status, string detail, string? title = null) =>
        new() { Status = status, Title = title ?? TitleOf(status), Detail = detail };

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status500InternalServerError => "Internal server error",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static ProblemHttpResult WithErrors(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var problem = errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        return TypedResults.Problem(problem);
    }
}
