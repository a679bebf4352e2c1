using System.Numerics.Tensors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Portal.Engine.Clustering;

/// <summary>
/// k-means with ML.NET's trainer (k-means++ initialisation) over dense rows, returning each row's cluster and the
/// centroids. When k is not given it is chosen from candidates by the simplified silhouette (Hruschka et al.: for
/// each point, <c>(b − a) / max(a, b)</c> with <c>a</c> the distance to its own centroid and <c>b</c> to the nearest
/// other one) averaged over a sample: the k whose clusters are most compact and best separated.
/// </summary>
public static class KMeansClustering
{
    public sealed class Row
    {
        [VectorType]
        public float[] Features { get; set; } = [];
    }

    /// <summary>Rows k-means learns centroids from; beyond this a seeded sample is used and every row is then assigned to its nearest centroid.</summary>
    public const int MaximumFitRows = 25_000;

    public static (int[] Assignment, float[] Centroids, int K) Fit(float[] rows, int dimension, int k, int seed, int threads = 0)
    {
        var count = rows.Length / dimension;
        k = Math.Clamp(k, 1, Math.Max(1, count));
        var ml = new MLContext(seed);
        var step = Math.Max(1, (count + MaximumFitRows - 1) / MaximumFitRows);
        var fitRows = Enumerable.Range(0, count).Where(i => i % step == 0);
        var data = ml.Data.LoadFromEnumerable(fitRows.Select(i => new Row { Features = rows.AsSpan(i * dimension, dimension).ToArray() }), SchemaFor(dimension));
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 100,
            NumberOfThreads = threads > 0 ? threads : Environment.ProcessorCount,
        });
        var model = trainer.Fit(data);
        VBuffer<float>[] centroidBuffers = [];
        model.Model.GetClusterCentroids(ref centroidBuffers, out var found);
        var centroids = new float[found * dimension];
        for (var c = 0; c < found; c++)
        {
            centroidBuffers[c].DenseValues().ToArray().CopyTo(centroids, c * dimension);
        }

        // Assign by nearest centroid ourselves: the same rule later serves new videos and users.
        var assignment = new int[count];
        Parallel.For(0, count, i => assignment[i] = Nearest(rows.AsSpan(i * dimension, dimension), centroids, dimension));
        return (assignment, centroids, found);
    }

    /// <summary>Fits every candidate k on an evenly spaced sample of at most <paramref name="sampleRows"/> rows and returns the one with the best simplified silhouette.</summary>
    public static (int K, IReadOnlyList<(int K, double Silhouette)> Scores) ChooseK(float[] rows, int dimension, IReadOnlyList<int> candidates, int seed, int sampleRows = 10_000)
    {
        var count = rows.Length / dimension;
        var step = Math.Max(1, count / Math.Max(1, sampleRows));
        var sample = new List<float>();
        for (var i = 0; i < count; i += step)
        {
            sample.AddRange(rows.AsSpan(i * dimension, dimension).ToArray());
        }

        var sampled = sample.ToArray();
        var scores = new List<(int, double)>();
        foreach (var k in candidates.Where(k => k >= 2 && k < sampled.Length / dimension))
        {
            var (assignment, centroids, found) = Fit(sampled, dimension, k, seed);
            scores.Add((k, SimplifiedSilhouette(sampled, dimension, assignment, centroids, found)));
        }

        return scores.Count == 0 ? (candidates.Max(), scores) : (scores.MaxBy(s => s.Item2).Item1, scores);
    }

    public static double SimplifiedSilhouette(float[] rows, int dimension, int[] assignment, float[] centroids, int k)
    {
        var count = rows.Length / dimension;
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            var row = rows.AsSpan(i * dimension, dimension);
            var own = Distance(row, centroids.AsSpan(assignment[i] * dimension, dimension));
            var other = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                if (c != assignment[i])
                {
                    other = Math.Min(other, Distance(row, centroids.AsSpan(c * dimension, dimension)));
                }
            }

            var denominator = Math.Max(own, other);
            total += denominator <= 0 || other == double.MaxValue ? 0 : (other - own) / denominator;
        }

        return count == 0 ? 0 : total / count;
    }

    public static int Nearest(ReadOnlySpan<float> row, float[] centroids, int dimension)
    {
        var best = 0;
        var bestDistance = float.MaxValue;
        for (var c = 0; c < centroids.Length / dimension; c++)
        {
            var distance = TensorPrimitives.Distance(row, centroids.AsSpan(c * dimension, dimension));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return best;
    }

    private static double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Distance(a, b);

    private static SchemaDefinition SchemaFor(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }
}
