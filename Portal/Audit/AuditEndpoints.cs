using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Auth;

namespace Portal.Audit;

/// <summary><c>GET /audit/export.csv</c>: the Audit page's filtered rows as a CSV download, streamed as they are read.</summary>
public static class AuditEndpoints
{
    public const string ExportPath = "/audit/export.csv";

    public static RouteHandlerBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(ExportPath, ExportCsvAsync)
            .WithName("ExportAuditCsv")
            .RequireAuthorization(Policies.ViewAudit)
            .ExcludeFromDescription();

    /// <summary>Only the signed-in browser uses this; the filter is the Audit page's, in the query string.</summary>
    public static async Task<Results<PushStreamHttpResult, ForbidHttpResult>> ExportCsvAsync(
        string? actor,
        string? action,
        string? target,
        DateTime? from,
        DateTime? to,
        AuditReview review,
        HttpContext context,
        CancellationToken ct)
    {
        var filter = new AuditFilter(actor, action, target, Utc(from), Utc(to));
        var caller = new StaffCaller(context.User, context.Connection.RemoteIpAddress?.ToString());
        if (await review.BeginExportAsync(caller, filter, ct) is not { } upTo)
        {
            return TypedResults.Forbid();
        }

        var name = $"audit-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv";
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
                await AuditCsv.WriteAsync(writer, review.StreamAsync(filter, upTo, context.RequestAborted), context.RequestAborted);
            },
            "text/csv; charset=utf-8",
            name);
    }

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } other => DateTime.SpecifyKind(other, DateTimeKind.Utc),
    };
}
