namespace Portal.Api.Contracts;

/// <summary>What users did with the videos they were shown: up to 1,000 events a request, stored all or none.</summary>
public sealed record PostEventsRequest(IReadOnlyList<EventRequest?>? Events);
