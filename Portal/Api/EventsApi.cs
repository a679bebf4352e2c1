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
            .WithDescription("Takes up to 1,000 events (impression, watch, like, share, comment, follow, skip, notInterested, report). Every row is checked first: one bad row refuses the whole request and nothing is stored. Stored events update the users' state at once, so their next feed request reflects them.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestBodyLimit(options.EventsMaxBodyBytes);

    public static async Task<Results<Accepted<EventsAcceptedResponse>, ValidationProblem, ProblemHttpResult>> PostEventsAsync(
        PostEventsRequest request, EventIngestor ingestor, HttpContext context, CancellationToken ct)
    {
        var incoming = request.Events?
            .Select(e => e is null ? null! : new IncomingEvent(e.UserId, e.VideoId, e.Kind, e.WatchFraction, e.At, e.Device))
            .ToList();

        IngestResult result;
        try
        {
            result = await ingestor.IngestAsync(incoming, ct);
        }
        catch (EngineNotReadyException)
        {
            return ApiProblems.EngineNotReady(context);
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
