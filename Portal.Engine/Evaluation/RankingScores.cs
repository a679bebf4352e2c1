namespace Portal.Engine.Evaluation;

/// <summary>How one method ranked on held-out data: the mean over the evaluated users of each metric at k, and the time it took to train and rank.</summary>
public sealed record RankingScores(string Method, int Users, double Ndcg, double Recall, double Precision, double Map, double Seconds);
