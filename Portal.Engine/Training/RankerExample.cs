namespace Portal.Engine.Training;

/// <summary>One logged impression for training the ranker: its features when it was served, and whether the user engaged.</summary>
public sealed record RankerExample(float[] Features, bool Engaged, long ServedAtMs);
