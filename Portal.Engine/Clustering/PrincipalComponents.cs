namespace Portal.Engine.Clustering;

/// <summary>
/// A small principal component analysis for drawing a few hundred points at most: the rows are centred, the Gram
/// matrix <c>X·Xᵀ</c> (rows × rows) is formed, and its two leading eigenvectors are found by power iteration with
/// deflation. A row's coordinates are <c>√λ·u</c>, which equal its projections on the first two principal axes.
/// </summary>
public static class PrincipalComponents
{
    /// <summary>Each row's first two principal coordinates, and the share of the total variance those two explain (0..1).</summary>
    public static (double[] X, double[] Y, double Explained) Project2D(ReadOnlySpan<float> rows, int dimension, int iterations = 200)
    {
        var n = rows.Length / dimension;
        var x = new double[n];
        var y = new double[n];
        if (n < 2)
        {
            return (x, y, n == 1 ? 1 : 0);
        }

        var mean = new double[dimension];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < dimension; d++)
            {
                mean[d] += rows[i * dimension + d];
            }
        }

        for (var d = 0; d < dimension; d++)
        {
            mean[d] /= n;
        }

        var gram = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var dot = 0.0;
                for (var d = 0; d < dimension; d++)
                {
                    dot += (rows[i * dimension + d] - mean[d]) * (rows[j * dimension + d] - mean[d]);
                }

                gram[i * n + j] = gram[j * n + i] = dot;
            }
        }

        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += gram[i * n + i];
        }

        if (trace <= 1e-12)
        {
            return (x, y, 0);
        }

        var (first, l1) = Leading(gram, n, iterations, seed: 1);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                gram[i * n + j] -= l1 * first[i] * first[j];
            }
        }

        var (second, l2) = Leading(gram, n, iterations, seed: 2);
        l1 = Math.Max(0, l1);
        l2 = Math.Max(0, l2);
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Sqrt(l1) * first[i];
            y[i] = Math.Sqrt(l2) * second[i];
        }

        // Fix the signs so the same data always draws the same way round.
        Orient(x);
        Orient(y);
        return (x, y, Math.Clamp((l1 + l2) / trace, 0, 1));
    }

    private static (double[] Vector, double Value) Leading(double[] matrix, int n, int iterations, int seed)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = 1 + ((i * 7919 + seed * 104729) % 97) / 97.0;
        }

        Normalize(v);
        var next = new double[n];
        var value = 0.0;
        for (var it = 0; it < iterations; it++)
        {
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum += matrix[i * n + j] * v[j];
                }

                next[i] = sum;
            }

            value = 0;
            for (var i = 0; i < n; i++)
            {
                value += v[i] * next[i];
            }

            if (Normalize(next) <= 1e-12)
            {
                return (new double[n], 0);
            }

            (v, next) = (next, v);
        }

        return (v, value);
    }

    private static double Normalize(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(a => a * a));
        if (norm > 1e-12)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }

        return norm;
    }

    private static void Orient(double[] v)
    {
        var largest = 0.0;
        foreach (var a in v)
        {
            if (Math.Abs(a) > Math.Abs(largest))
            {
                largest = a;
            }
        }

        if (largest < 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = -v[i];
            }
        }
    }
}
