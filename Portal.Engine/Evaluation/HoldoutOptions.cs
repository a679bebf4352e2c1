using Portal.Engine.Representation;

namespace Portal.Engine.Evaluation;

/// <summary>
/// Settings of the offline protocols (<see cref="MovieLensProtocol"/>, <see cref="TimeSplitProtocol"/>): k, the seed,
/// the shares held out, and the ALS settings (the engine's defaults, with the 15 iterations Microsoft Recommenders'
/// benchmark gives every algorithm; the MovieLens protocol picks α and regularization from the grids on a validation
/// split of the training data). Nothing is ever tuned on the test set.
/// </summary>
public sealed record HoldoutOptions
{
    public int K { get; init; } = 10;

    public int Seed { get; init; } = 42;

    /// <summary>Share of each item's ratings that train (the MovieLens protocol).</summary>
    public double TrainShare { get; init; } = 0.75;

    /// <summary>Share of the latest events held out (the time split).</summary>
    public double HoldoutShare { get; init; } = 0.1;

    public AlsOptions Als { get; init; } = new() { Factors = 64, Iterations = 15, Seed = 42 };

    /// <summary>The confidence weights the MovieLens protocol chooses among on its validation split (one value: no choice).</summary>
    public IReadOnlyList<float> AlphaGrid { get; init; } = [1, 10];

    /// <summary>The regularizations the MovieLens protocol chooses among on its validation split (one value: no choice).</summary>
    public IReadOnlyList<float> RegularizationGrid { get; init; } = [0.05f, 0.5f, 5, 50];
}
