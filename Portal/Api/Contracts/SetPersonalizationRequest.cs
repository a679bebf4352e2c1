namespace Portal.Api.Contracts;

/// <summary>Turns a user's personalised feed on or off.</summary>
/// <param name="Personalized">false: the feed is chosen only by popularity in the user's region and the diversity rules; true: personalised again.</param>
public sealed record SetPersonalizationRequest(bool? Personalized);
