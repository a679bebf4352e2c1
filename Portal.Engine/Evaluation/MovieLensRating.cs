namespace Portal.Engine.Evaluation;

/// <summary>One rating: a user, an item, the rating (0.5 to 5) and when it was given (Unix milliseconds).</summary>
public readonly record struct MovieLensRating(long User, int Item, float Rating, long AtMs);
