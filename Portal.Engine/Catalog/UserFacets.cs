namespace Portal.Engine.Catalog;

/// <summary>The languages and countries app users have, for filters and pickers; each list is sorted.</summary>
public sealed record UserFacets(IReadOnlyList<string> Languages, IReadOnlyList<string> Countries);
