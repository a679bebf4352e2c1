namespace Portal.Engine.Representation;

/// <summary>
/// Settings of implicit ALS. Confidence of a positive engagement is <c>1 + Alpha · weight</c>; of a negative one
/// (skip, not interested, report) <c>1 + NegativeAlpha · |weight|</c> with preference 0.
/// </summary>
public sealed record AlsOptions
{
    public int Factors { get; init; } = 64;

    public int Iterations { get; init; } = 12;

    public float Regularization { get; init; } = 0.05f;

    public float Alpha { get; init; } = 10f;

    public float NegativeAlpha { get; init; } = 5f;

    /// <summary>Conjugate-gradient steps per row and iteration (3 is what implicit uses).</summary>
    public int CgSteps { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>Threads; 0 means one per core.</summary>
    public int Threads { get; init; }
}
