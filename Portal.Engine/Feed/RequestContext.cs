using Portal.Engine.Catalog;

namespace Portal.Engine.Feed;

/// <summary>What the app says about the request itself; each value overrides the user's profile for this request.</summary>
public sealed record RequestContext(DeviceType? Device = null, string? Country = null);
