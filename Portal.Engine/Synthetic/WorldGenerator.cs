namespace Portal.Engine.Synthetic;

/// <summary>Makes a <see cref="World"/> from a <see cref="WorldSpec"/>; deterministic.</summary>
public static class WorldGenerator
{
    public static World Generate(WorldSpec spec) => throw new NotImplementedException();
}
