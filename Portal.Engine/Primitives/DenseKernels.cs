using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Portal.Engine.Primitives;

/// <summary>
/// Dot products and updates on short dense vectors (ALS factors, 16 to 256 floats), hand-unrolled over 256-bit
/// vectors. For vectors this short the fixed cost of a <see cref="TensorPrimitives"/> call is about as large as the
/// arithmetic itself; these kernels keep the ALS inner loops within a few cycles of the data. Lengths that are not a
/// multiple of 8 finish with a scalar tail; without 256-bit hardware they fall back to <see cref="TensorPrimitives"/>.
/// </summary>
public static class DenseKernels
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (!Vector256.IsHardwareAccelerated || a.Length < 16)
        {
            return TensorPrimitives.Dot(a, b);
        }

        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        var n = a.Length;
        var s0 = Vector256<float>.Zero;
        var s1 = Vector256<float>.Zero;
        var i = 0;
        for (; i + 16 <= n; i += 16)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)(i + 8)), Vector256.LoadUnsafe(ref pb, (nuint)(i + 8)), s1);
        }

        var sum = Vector256.Sum(s0 + s1);
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
        }

        return sum;
    }

    /// <summary><c>y += alpha · x</c>.</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        if (!Vector256.IsHardwareAccelerated || x.Length < 8)
        {
            TensorPrimitives.MultiplyAdd(x, alpha, y, y);
            return;
        }

        ref var px = ref MemoryMarshal.GetReference(x);
        ref var py = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var a = Vector256.Create(alpha);
        var i = 0;
        for (; i + 8 <= n; i += 8)
        {
            Vector256.FusedMultiplyAdd(a, Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref py, i) += alpha * Unsafe.Add(ref px, i);
        }
    }

    /// <summary><c>y = x + beta · y</c> (the conjugate-gradient direction update).</summary>
    public static void Xpby(ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        if (!Vector256.IsHardwareAccelerated || x.Length < 8)
        {
            TensorPrimitives.MultiplyAdd(y, beta, x, y);
            return;
        }

        ref var px = ref MemoryMarshal.GetReference(x);
        ref var py = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var b = Vector256.Create(beta);
        var i = 0;
        for (; i + 8 <= n; i += 8)
        {
            Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref py, (nuint)i), Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref py, i) = Unsafe.Add(ref px, i) + beta * Unsafe.Add(ref py, i);
        }
    }

    /// <summary><c>result = M · v</c> for a row-major square matrix of order <c>v.Length</c>, four rows at a time.</summary>
    public static void MatVec(ReadOnlySpan<float> matrix, ReadOnlySpan<float> v, Span<float> result)
    {
        var f = v.Length;
        if (!Vector256.IsHardwareAccelerated || f % 8 != 0)
        {
            for (var r = 0; r < f; r++)
            {
                result[r] = TensorPrimitives.Dot(matrix.Slice(r * f, f), v);
            }

            return;
        }

        ref var pm = ref MemoryMarshal.GetReference(matrix);
        ref var pv = ref MemoryMarshal.GetReference(v);
        var row = 0;
        for (; row + 4 <= f; row += 4)
        {
            var s0 = Vector256<float>.Zero;
            var s1 = Vector256<float>.Zero;
            var s2 = Vector256<float>.Zero;
            var s3 = Vector256<float>.Zero;
            var o0 = (nuint)(row * f);
            var o1 = o0 + (nuint)f;
            var o2 = o1 + (nuint)f;
            var o3 = o2 + (nuint)f;
            for (var i = 0; i < f; i += 8)
            {
                var x = Vector256.LoadUnsafe(ref pv, (nuint)i);
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pm, o0 + (nuint)i), x, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pm, o1 + (nuint)i), x, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pm, o2 + (nuint)i), x, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pm, o3 + (nuint)i), x, s3);
            }

            result[row] = Vector256.Sum(s0);
            result[row + 1] = Vector256.Sum(s1);
            result[row + 2] = Vector256.Sum(s2);
            result[row + 3] = Vector256.Sum(s3);
        }

        for (; row < f; row++)
        {
            result[row] = Dot(matrix.Slice(row * f, f), v);
        }
    }
}
