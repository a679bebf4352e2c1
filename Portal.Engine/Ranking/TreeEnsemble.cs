namespace Portal.Engine.Ranking;

/// <summary>
/// A boosted tree ensemble in flat arrays, evaluated without ML.NET's per-row machinery: a candidate walks each tree
/// from the root (left when its feature value is at most the node's threshold), the leaves' values are summed with
/// the trees' weights, and a Platt sigmoid turns the sum into a probability. Extracted from a trained ML.NET LightGBM
/// model (see <see cref="Training.RankerTrainer"/>), whose predictions a test checks it reproduces.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly Tree[] _trees;

    public TreeEnsemble(IReadOnlyList<Tree> trees, double bias, double plattSlope, double plattOffset)
    {
        _trees = [.. trees];
        Bias = bias;
        PlattSlope = plattSlope;
        PlattOffset = plattOffset;
    }

    public int TreeCount => _trees.Length;

    public double Bias { get; }

    public double PlattSlope { get; }

    public double PlattOffset { get; }

    public IReadOnlyList<Tree> Trees => _trees;

    /// <summary>The ensemble's raw score for one feature vector.</summary>
    public double Raw(ReadOnlySpan<float> features)
    {
        var sum = Bias;
        foreach (var tree in _trees)
        {
            sum += tree.Weight * tree.Evaluate(features);
        }

        return sum;
    }

    /// <summary>The calibrated probability of engagement, 0..1.</summary>
    public float Probability(ReadOnlySpan<float> features) => (float)(1.0 / (1.0 + Math.Exp(PlattSlope * Raw(features) + PlattOffset)));

    /// <summary>One regression tree. Children below zero are leaves: <c>~child</c> is the leaf's index.</summary>
    public sealed record Tree(double Weight, int[] SplitFeature, float[] Threshold, int[] Left, int[] Right, double[] LeafValue)
    {
        public double Evaluate(ReadOnlySpan<float> features)
        {
            if (SplitFeature.Length == 0)
            {
                return LeafValue.Length > 0 ? LeafValue[0] : 0;
            }

            var node = 0;
            while (node >= 0)
            {
                node = features[SplitFeature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            return LeafValue[~node];
        }
    }
}
