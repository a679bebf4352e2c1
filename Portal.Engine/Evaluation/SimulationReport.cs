namespace Portal.Engine.Evaluation;

/// <summary>
/// What a simulation measured. Per batch index (1-based position in each user's sequence): the mean number of
/// positive reactions (like, share, comment, follow) per batch, the like rate per shown video and the mean watch
/// fraction — the learning curve. Then how many batches it took until a video from one of the user's hidden
/// interests first got a like (over the users for whom that happened), the share of users for whom it happened,
/// catalog coverage, the creator/sound repetition rate over each user's sequence, and diversity-rule violations.
/// </summary>
public sealed record SimulationReport(
    DateTime At,
    string ModelVersion,
    int RulesVersion,
    int Users,
    int Batches,
    IReadOnlyList<double> PositivesPerBatch,
    IReadOnlyList<double> LikeRatePerBatch,
    IReadOnlyList<double> WatchFractionPerBatch,
    double MeanBatchesToFirstInterestLike,
    double ShareReachingInterest,
    double Coverage,
    double RepetitionRate,
    int RuleViolations,
    int EventsIngested,
    TimeSpan Elapsed);
