using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Contracts;
using Portal.Engine.Events;
using Portal.Engine.Feed;

namespace Portal.Api;

/// <summary><c>POST /api/v1/events</c>: what users did with the videos they were shown.</summary>
public static class EventsApi
{
    public static RouteHandlerBuilder MapEventsApi(this IEndpointRouteBuilder api, ApiOptions options) =>
        api.MapPost("events", PostEventsAsync)
            .WithTags("Events")
            .WithName("PostEvents")
            .WithSummary("Record engagement events")
            .WithDescription("Takes up to 1,000 events (impression, watch, like, share, comment, follow, skip, notInterested, report). Every row is checked first: one bad row refuses the whole request and nothing is stored. Stored events update the users' state at once, so their next feed request reflects them. Send an Idempotency-Key header (1 to 200 visible ASCII characters) to make a retry safe: the same key with the same events is answered as the first time (header Idempotent-Replayed: true) and stores nothing; the same key with other events is refused with 409.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestBodyLimit(options.EventsMaxBodyBytes);

    /// <summary>The header that makes a retry of the same batch safe.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<Results<Accepted<EventsAcceptedResponse>, ValidationProblem, ProblemHttpResult>> PostEventsAsync(
        PostEventsRequest request, EventIngestor ingestor, HttpContext context, CancellationToken ct)
    {
        var key = context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var header) ? header.ToString() : null;
        var incoming = request.Events?
            .Select(e => e is null ? null! : new IncomingEvent(e.UserId, e.VideoId, e.Kind, e.WatchFraction, e.At, e.Device))
            .ToList();

        IngestResult result;
        try
        {
            result = await ingestor.IngestAsync(incoming, key, ct);
        }
        catch (EngineNotReadyException)
        {
            return ApiProblems.EngineNotReady(context);
        }

        if (result.KeyConflict)
        {
            return ApiProblems.Conflict("Nothing was stored: this Idempotency-Key was already used for a different batch of events.", result.Errors);
        }

        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        if (result.NotFound)
        {
            return ApiProblems.NotFound("Nothing was stored: some events name users or videos that do not exist (listed in errors).", result.Errors);
        }

        if (!result.Succeeded)
        {
            return ApiProblems.Validation(result.Errors, "Nothing was stored: correct the events listed in errors and send the whole request again.");
        }

        return TypedResults.Accepted((string?)null, new EventsAcceptedResponse(result.Accepted));
    }
}
