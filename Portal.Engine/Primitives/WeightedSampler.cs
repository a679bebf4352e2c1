namespace Portal.Engine.Primitives;

/// <summary>Draws indices in proportion to fixed weights (cumulative sums and a binary search).</summary>
public sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(ReadOnlySpan<double> weights)
    {
        _cumulative = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += Math.Max(0, weights[i]);
            _cumulative[i] = total;
        }
    }

    public int Count => _cumulative.Length;

    public double Total => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    public int Sample(SeededRandom random)
    {
        var target = random.NextDouble() * Total;
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
