namespace Portal.Moderation;

/// <summary>The outcome of filing a report: the case it joined (or opened), or what was wrong, keyed like the request's fields.</summary>
/// <param name="NotFound">True when the fields were well formed but name a video or user that does not exist.</param>
/// <param name="OpenedCase">True when the report opened a new case rather than joining the video's open one.</param>
public sealed record ReportFiling(int? CaseId, long? ReportId, IReadOnlyDictionary<string, string[]> Errors, bool NotFound, bool OpenedCase)
{
    public bool Succeeded => CaseId is not null;

    public static ReportFiling Invalid(IReadOnlyDictionary<string, string[]> errors, bool notFound = false) => new(null, null, errors, notFound, false);
}
