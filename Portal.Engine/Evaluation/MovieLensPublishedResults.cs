namespace Portal.Engine.Evaluation;

/// <summary>
/// The ranking columns of the algorithm comparison in Microsoft Recommenders' README: MovieLens 100k, the 75/25 split
/// stratified by item, k = 10, 15 epochs. Their figures from their runs, quoted for comparison; not ours.
/// (Their ALS row is Spark's explicit ALS predicting ratings, which is why it ranks so poorly.)
/// </summary>
public static class MovieLensPublishedResults
{
    public const string Source = "Microsoft Recommenders, README \"Algorithm Comparison\" (MovieLens 100k, k = 10)";

    public static IReadOnlyList<MovieLensPublishedResult> Ml100k { get; } =
    [
        new("BiVAE", 0.146126, 0.475077, 0.411771, 0.219145),
        new("BPR", 0.132478, 0.441997, 0.388229, 0.212522),
        new("LightGCN", 0.088526, 0.419846, 0.379626, 0.144336),
        new("NCF", 0.107720, 0.396118, 0.347296, 0.180775),
        new("SAR", 0.110591, 0.382461, 0.330753, 0.176385),
        new("FastAI", 0.025503, 0.147866, 0.130329, 0.053824),
        new("SVD", 0.012873, 0.095930, 0.091198, 0.032783),
        new("ALS (Spark, explicit)", 0.004732, 0.044239, 0.048462, 0.017796),
    ];
}
