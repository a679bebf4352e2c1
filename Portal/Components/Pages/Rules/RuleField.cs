using System.Globalization;
using Portal.Engine.Diversity;

namespace Portal.Components.Pages.Rules;

/// <summary>
/// One field of <see cref="DiversityRules"/> as the Rules page shows it: its label, its range (the validator's),
/// how to read and change it, and the rule in plain words. <see cref="All"/> lists them in the order the page shows.
/// </summary>
public sealed record RuleField(
    string Name,
    string Label,
    string Help,
    double Min,
    double Max,
    Func<DiversityRules, double> Get,
    Func<DiversityRules, double, DiversityRules> Set,
    Func<double, string> Sentence)
{
    /// <summary>The key <see cref="DiversityRulesValidator"/> files this field's errors under.</summary>
    public string ErrorKey => char.ToLowerInvariant(Name[0]) + Name[1..];

    public bool IsFraction => Name == nameof(DiversityRules.MmrLambda);

    public string Format(double value) => IsFraction
        ? value.ToString("0.00", CultureInfo.InvariantCulture)
        : value.ToString("0", CultureInfo.InvariantCulture);

    public static IReadOnlyList<RuleField> All { get; } =
    [
        new(nameof(DiversityRules.MaxPerCreator), "Videos per creator", "Most from one creator in a batch.", 1, 8,
            r => r.MaxPerCreator, (r, v) => r with { MaxPerCreator = (int)v },
            v => $"At most {Videos(v)} per creator in a batch"),
        new(nameof(DiversityRules.MaxPerSound), "Videos per sound", "Most using one sound in a batch.", 1, 8,
            r => r.MaxPerSound, (r, v) => r with { MaxPerSound = (int)v },
            v => $"At most {Videos(v)} with the same sound in a batch"),
        new(nameof(DiversityRules.MaxPerCluster), "Videos per topic group", "Most from one topic group in a batch.", 1, 8,
            r => r.MaxPerCluster, (r, v) => r with { MaxPerCluster = (int)v },
            v => $"At most {Videos(v)} from one topic group in a batch"),
        new(nameof(DiversityRules.MinDistinctClusters), "Distinct topic groups", "Fewest topic groups in a batch.", 1, 8,
            r => r.MinDistinctClusters, (r, v) => r with { MinDistinctClusters = (int)v },
            v => v <= 1 ? "No minimum spread of topic groups" : $"At least {v:0} different topic groups in a batch"),
        new(nameof(DiversityRules.CreatorCooldown), "Creator cooldown", "Videos before a creator may return.", 0, DiversityRulesValidator.MaxCooldown,
            r => r.CreatorCooldown, (r, v) => r with { CreatorCooldown = (int)v },
            v => v == 0 ? "No creator cooldown: a creator may come back in the next batch" : $"A creator shown in the user's last {v:0} videos is not shown again yet"),
        new(nameof(DiversityRules.SoundCooldown), "Sound cooldown", "Videos before a sound may return.", 0, DiversityRulesValidator.MaxCooldown,
            r => r.SoundCooldown, (r, v) => r with { SoundCooldown = (int)v },
            v => v == 0 ? "No sound cooldown: a sound may come back in the next batch" : $"A sound used in the user's last {v:0} videos is not used again yet"),
        new(nameof(DiversityRules.ExplorationSlots), "Exploration slots", "Slots for topic groups new to the user.", 0, 4,
            r => r.ExplorationSlots, (r, v) => r with { ExplorationSlots = (int)v },
            v => v == 0 ? "No exploration slot" : $"{v:0} {(v == 1 ? "slot" : "slots")} per batch kept for a topic group new to the user"),
        new(nameof(DiversityRules.MmrLambda), "Relevance or novelty", "1 orders by predicted engagement alone; lower values prefer videos unlike the ones already above.", 0, 1,
            r => r.MmrLambda, (r, v) => r with { MmrLambda = Math.Round(v, 2) },
            v => v >= 1 ? "Order by predicted engagement alone"
                : v <= 0 ? "Order by novelty alone"
                : $"Order by {v * 100:0} % predicted engagement and {(1 - v) * 100:0} % novelty against the videos above"),
    ];

    public static RuleField For(string name) => All.First(f => f.Name == name);

    /// <summary>The fields whose values differ, in page order.</summary>
    public static IReadOnlyList<RuleChange> Changes(DiversityRules from, DiversityRules to) =>
        All.Where(f => Math.Abs(f.Get(from) - f.Get(to)) > 1e-9).Select(f => new RuleChange(f, f.Get(from), f.Get(to))).ToList();

    private static string Videos(double count) => count == 1 ? "1 video" : $"{count:0} videos";
}

/// <summary>A field changed from one version of the rules to another.</summary>
public sealed record RuleChange(RuleField Field, double From, double To)
{
    public string Text => $"{Field.Label}: {Field.Format(From)} → {Field.Format(To)}";
}
