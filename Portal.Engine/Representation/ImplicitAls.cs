using System.Diagnostics;
using System.Numerics.Tensors;
using Portal.Engine.Primitives;

namespace Portal.Engine.Representation;

/// <summary>
/// Implicit-feedback matrix factorisation (Hu, Koren and Volinsky, 2008) by alternating least squares, each row
/// solved approximately with a few conjugate-gradient steps warm-started from its previous value (Takács, Pilászy
/// and Tikk, 2011; the approach of benfred/implicit). Minimises
/// <c>Σ c_ui (p_ui − x_u·y_i)² + λ(‖X‖² + ‖Y‖²)</c> over all user–item pairs, where unobserved pairs have
/// preference 0 and confidence 1, without ever touching them: their share is folded into the Gram matrix YᵀY.
/// Rows are solved in parallel on every core; the inner loops are <see cref="TensorPrimitives"/> over spans.
/// </summary>
public static class ImplicitAls
{
    public static AlsFactors Train(InteractionMatrix matrix, AlsOptions options, Action<AlsIteration>? onIteration = null, bool computeLoss = false, CancellationToken ct = default)
    {
        var f = options.Factors;
        var random = new SeededRandom((ulong)options.Seed);
        var users = new float[matrix.Users * f];
        var items = new float[matrix.Items * f];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = (float)(random.NextGaussian() * 0.01);
        }

        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (float)(random.NextGaussian() * 0.01);
        }

        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            CancellationToken = ct,
        };
        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var clock = Stopwatch.StartNew();
            SolveSide(matrix.Users, matrix.UserStart, matrix.UserItems, matrix.UserConfidence, matrix.UserPreference, users, items, f, options, parallel);
            SolveSide(matrix.Items, matrix.ItemStart, matrix.ItemUsers, matrix.ItemConfidence, matrix.ItemPreference, items, users, f, options, parallel);
            var elapsed = clock.Elapsed;
            onIteration?.Invoke(new AlsIteration(iteration, elapsed, computeLoss ? Loss(matrix, users, items, f, options.Regularization) : null));
        }

        return new AlsFactors(f, users, items);
    }

    /// <summary>
    /// Solves one user's factors against fixed item factors (the "fold-in" of a user the model has not seen, or
    /// whose engagements changed since training): the same normal equations as training, by conjugate gradient.
    /// </summary>
    /// <param name="gram">YᵀY + λI of the item factors (<see cref="RegularizedGram"/>).</param>
    public static float[] FoldIn(float[] gram, float[] itemFactors, int factors, ReadOnlySpan<int> items, ReadOnlySpan<float> confidence, ReadOnlySpan<float> preference, int steps, float[]? start = null)
    {
        var x = start is null ? new float[factors] : (float[])start.Clone();
        if (items.IsEmpty)
        {
            return x;
        }

        ConjugateGradient(x, gram, itemFactors, items.ToArray(), confidence.ToArray(), preference.ToArray(), 0, items.Length, factors, steps, new Scratch(factors));
        return x;
    }

    /// <summary>MᵀM + λI for a row-major factor matrix with <paramref name="factors"/> columns.</summary>
    public static float[] RegularizedGram(float[] factorRows, int factors, float regularization)
    {
        var gram = Gram(factorRows, factors, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
        for (var a = 0; a < factors; a++)
        {
            gram[a * factors + a] += regularization;
        }

        return gram;
    }

    /// <summary>The objective: weighted squared error over every user–item pair plus the regularisation.</summary>
    public static double Loss(InteractionMatrix matrix, AlsFactors factors, float regularization) =>
        Loss(matrix, factors.UserFactors, factors.ItemFactors, factors.Factors, regularization);

    private static double Loss(InteractionMatrix matrix, float[] users, float[] items, int f, float regularization)
    {
        // Σ over all pairs of (x·y)² = Σ_ab (XᵀX)_ab (YᵀY)_ab; observed pairs then swap that term for c(p − x·y)².
        var xtx = Gram(users, f, null);
        var yty = Gram(items, f, null);
        var loss = (double)TensorPrimitives.Dot(xtx, yty);
        for (var u = 0; u < matrix.Users; u++)
        {
            var x = users.AsSpan(u * f, f);
            for (var k = matrix.UserStart[u]; k < matrix.UserStart[u + 1]; k++)
            {
                var predicted = TensorPrimitives.Dot(x, items.AsSpan(matrix.UserItems[k] * f, f));
                var error = matrix.UserPreference[k] - predicted;
                loss += matrix.UserConfidence[k] * error * error - predicted * predicted;
            }
        }

        loss += regularization * (TensorPrimitives.SumOfSquares(users) + TensorPrimitives.SumOfSquares(items));
        return loss;
    }

    private static void SolveSide(int rows, int[] start, int[] index, float[] confidence, float[] preference, float[] x, float[] y, int f, AlsOptions options, ParallelOptions parallel)
    {
        var gram = Gram(y, f, parallel);
        for (var a = 0; a < f; a++)
        {
            gram[a * f + a] += options.Regularization;
        }

        Parallel.For(
            0,
            rows,
            parallel,
            () => new Scratch(f),
            (row, _, scratch) =>
            {
                var begin = start[row];
                var end = start[row + 1];
                var xr = x.AsSpan(row * f, f);
                if (begin == end)
                {
                    // Nothing observed: the exact solution is zero.
                    xr.Clear();
                    return scratch;
                }

                ConjugateGradient(xr, gram, y, index, confidence, preference, begin, end, f, options.CgSteps, scratch);
                return scratch;
            },
            _ => { });
    }

    private static void ConjugateGradient(Span<float> x, float[] gram, float[] y, int[] index, float[] confidence, float[] preference, int begin, int end, int f, int steps, Scratch scratch)
    {
        var r = scratch.R.AsSpan();
        var p = scratch.P.AsSpan();
        var ap = scratch.Ap.AsSpan();

        // r = b − A x, with A = YᵀY + λI + Σ (c − 1) y yᵀ and b = Σ c p y over the row's entries.
        MultiplyGram(gram, x, r, f);
        TensorPrimitives.Negate(r, r);
        for (var k = begin; k < end; k++)
        {
            var yi = y.AsSpan(index[k] * f, f);
            var c = confidence[k];
            var weight = c * preference[k] - (c - 1) * TensorPrimitives.Dot(yi, x);
            TensorPrimitives.MultiplyAdd(yi, weight, r, r);
        }

        r.CopyTo(p);
        var rsOld = TensorPrimitives.Dot(r, r);
        if (rsOld < 1e-20f)
        {
            return;
        }

        for (var step = 0; step < steps; step++)
        {
            MultiplyGram(gram, p, ap, f);
            for (var k = begin; k < end; k++)
            {
                var yi = y.AsSpan(index[k] * f, f);
                TensorPrimitives.MultiplyAdd(yi, (confidence[k] - 1) * TensorPrimitives.Dot(yi, p), ap, ap);
            }

            var alpha = rsOld / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            var rsNew = TensorPrimitives.Dot(r, r);
            if (rsNew < 1e-20f)
            {
                break;
            }

            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    private static void MultiplyGram(float[] gram, ReadOnlySpan<float> v, Span<float> result, int f)
    {
        for (var a = 0; a < f; a++)
        {
            result[a] = TensorPrimitives.Dot(gram.AsSpan(a * f, f), v);
        }
    }

    /// <summary>MᵀM of a row-major matrix with f columns, summed in parallel over chunks of rows.</summary>
    private static float[] Gram(float[] m, int f, ParallelOptions? parallel)
    {
        var rows = m.Length / f;
        var total = new float[f * f];
        var gate = new Lock();
        var chunks = Math.Max(1, Math.Min(parallel?.MaxDegreeOfParallelism ?? 1, rows / 256 + 1));
        Parallel.For(0, chunks, parallel ?? new ParallelOptions { MaxDegreeOfParallelism = 1 }, chunk =>
        {
            var local = new float[f * f];
            var from = (int)((long)rows * chunk / chunks);
            var to = (int)((long)rows * (chunk + 1) / chunks);
            for (var row = from; row < to; row++)
            {
                var v = m.AsSpan(row * f, f);
                for (var a = 0; a < f; a++)
                {
                    if (v[a] != 0)
                    {
                        TensorPrimitives.MultiplyAdd(v, v[a], local.AsSpan(a * f, f), local.AsSpan(a * f, f));
                    }
                }
            }

            lock (gate)
            {
                TensorPrimitives.Add(total, local, total);
            }
        });
        return total;
    }

    private sealed class Scratch(int f)
    {
        public float[] R { get; } = new float[f];

        public float[] P { get; } = new float[f];

        public float[] Ap { get; } = new float[f];
    }
}
