namespace Portal.Engine.Catalog;

/// <summary>One page of a list that is paged on the server, with the total number of matches.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageIndex, int PageSize);
