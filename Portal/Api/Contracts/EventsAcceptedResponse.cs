namespace Portal.Api.Contracts;

/// <summary>How many events were stored. The users' feeds reflect them from their next request.</summary>
public sealed record EventsAcceptedResponse(int Accepted);
