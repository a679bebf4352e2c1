using System.Numerics.Tensors;

namespace Portal.Engine.Representation;

/// <summary>A dense, L2-normalised content vector per video (indexed like the catalog snapshot), so that a dot product is a cosine.</summary>
public sealed class ContentVectors
{
    public ContentVectors(int dimension, float[] values)
    {
        if (dimension <= 0 || values.Length % dimension != 0)
        {
            throw new ArgumentException($"{values.Length} values do not divide into vectors of {dimension}.", nameof(values));
        }

        Dimension = dimension;
        Values = values;
    }

    public int Dimension { get; }

    public int Count => Values.Length / Dimension;

    /// <summary>All vectors, row after row.</summary>
    public float[] Values { get; }

    public ReadOnlySpan<float> Of(int video) => Values.AsSpan(video * Dimension, Dimension);

    /// <summary>Cosine similarity of two videos.</summary>
    public float Similarity(int a, int b) => TensorPrimitives.Dot(Of(a), Of(b));

    /// <summary>Cosine similarity of a video with a normalised query vector.</summary>
    public float Similarity(int video, ReadOnlySpan<float> query) => TensorPrimitives.Dot(Of(video), query);
}
