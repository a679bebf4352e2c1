using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Contracts;
using Portal.Audit;
using Portal.Engine.Feed;
using Portal.Moderation;

namespace Portal.Api;

/// <summary><c>POST /api/v1/reports</c>: a user reports a video; moderators see it in their queue.</summary>
public static class ReportsApi
{
    public static RouteHandlerBuilder MapReportsApi(this IEndpointRouteBuilder api, ApiOptions options) =>
        api.MapPost("reports", CreateReportAsync)
            .WithTags("Reports")
            .WithName("CreateReport")
            .WithSummary("Report a video")
            .WithDescription("Files a report about a video for a reason from a closed list (spam, nudity, violence, hate, harassment, misinformation, self-harm, copyright, other), with an optional text of up to 1,000 characters and the reporting user's id. The report joins the video's open moderation case or opens one; the answer names the case.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithRequestBodyLimit(options.ReportsMaxBodyBytes);

    public static async Task<Results<Created<ReportCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateReportAsync(
        CreateReportRequest request, ReportIntake intake, ServingState serving, HttpContext context, CancellationToken ct)
    {
        if (!serving.IsReady)
        {
            return ApiProblems.EngineNotReady(context);
        }

        var reporter = AuditActor.ApiKey(context.User.Identity?.Name ?? "unknown", context.Connection.RemoteIpAddress?.ToString());
        var filing = await intake.FileAsync(new NewReport(request.VideoId, request.Reason, request.Text, request.UserId), reporter, ct);
        if (filing.NotFound)
        {
            return ApiProblems.NotFound(filing.Errors.Values.SelectMany(e => e).First(), filing.Errors);
        }

        if (!filing.Succeeded)
        {
            return ApiProblems.Validation(filing.Errors, "The report was not filed: correct the fields listed in errors.");
        }

        return TypedResults.Created((string?)null, new ReportCreatedResponse(filing.CaseId!.Value, filing.ReportId!.Value, filing.OpenedCase));
    }
}
