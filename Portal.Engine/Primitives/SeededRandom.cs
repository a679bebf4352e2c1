namespace Portal.Engine.Primitives;

/// <summary>
/// xoshiro256** seeded through SplitMix64: fast, and, unlike <see cref="Random"/>, fixed by this code rather
/// than by the runtime, so that the same seed gives the same world on every .NET version.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A generator for one named part of the world, independent of how much the other parts drew.</summary>
    public static SeededRandom For(int seed, string part)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var c in part)
        {
            hash = (hash ^ c) * 1_099_511_628_211UL;
        }

        return new SeededRandom(((ulong)(uint)seed << 32) ^ hash);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>Uniform in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Beta(a, b) through two gamma draws (Marsaglia–Tsang); a, b ≥ 1 keeps it simple and fast.</summary>
    public double NextBeta(double a, double b)
    {
        var x = NextGamma(a);
        var y = NextGamma(b);
        return x / (x + y);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
