namespace Portal.Engine.Evaluation;

/// <summary>Ratings split into what a model trains on and what it is tested on; no user–item pair is in both.</summary>
public sealed record MovieLensSplit(IReadOnlyList<MovieLensRating> Train, IReadOnlyList<MovieLensRating> Test);
