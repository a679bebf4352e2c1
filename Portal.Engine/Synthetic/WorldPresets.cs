namespace Portal.Engine.Synthetic;

/// <summary>The worlds the generator knows how to make.</summary>
public static class WorldPresets
{
    /// <summary>For tests: generated and loaded well under a second.</summary>
    public static readonly WorldPreset Tiny = new("tiny", Videos: 400, Creators: 80, Sounds: 40, Users: 60, Events: 3_000, Days: 14, "tests");

    /// <summary>For tests that need a few hundred videos per topic: loaded in well under a second.</summary>
    public static readonly WorldPreset Small = new("small", Videos: 2_400, Creators: 400, Sounds: 120, Users: 300, Events: 20_000, Days: 21, "tests that need variety");

    /// <summary>The first-run default.</summary>
    public static readonly WorldPreset Demo = new("demo", Videos: 5_000, Creators: 1_000, Sounds: 300, Users: 2_000, Events: 200_000, Days: 30, "the first-run demo");

    /// <summary>For benchmarks.</summary>
    public static readonly WorldPreset Large = new("large", Videos: 100_000, Creators: 20_000, Sounds: 3_000, Users: 20_000, Events: 2_000_000, Days: 60, "benchmarks");

    public static IReadOnlyList<WorldPreset> All { get; } = [Tiny, Small, Demo, Large];

    public static bool TryGet(string? name, out WorldPreset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }
}
