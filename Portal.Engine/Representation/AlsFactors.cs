using System.Numerics.Tensors;

namespace Portal.Engine.Representation;

/// <summary>Learned user and item factors: row-major, <see cref="Factors"/> floats per row.</summary>
public sealed class AlsFactors(int factors, float[] userFactors, float[] itemFactors)
{
    public int Factors { get; } = factors;

    public float[] UserFactors { get; } = userFactors;

    public float[] ItemFactors { get; } = itemFactors;

    public int Users => UserFactors.Length / Factors;

    public int Items => ItemFactors.Length / Factors;

    public ReadOnlySpan<float> User(int user) => UserFactors.AsSpan(user * Factors, Factors);

    public ReadOnlySpan<float> Item(int item) => ItemFactors.AsSpan(item * Factors, Factors);

    /// <summary>Predicted preference of a user for an item.</summary>
    public float Score(int user, int item) => TensorPrimitives.Dot(User(user), Item(item));
}
