namespace Portal.Engine.Diversity;

/// <summary>Checks a set of diversity rules; every problem comes back as a message keyed by the field's camel-case name.</summary>
public static class DiversityRulesValidator
{
    public const int MaxCooldown = 200;

    public static Dictionary<string, string[]> Validate(DiversityRules rules)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        void Fail(string field, string message)
        {
            var key = char.ToLowerInvariant(field[0]) + field[1..];
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        void Between(string field, int value, int min, int max, string what)
        {
            if (value < min || value > max)
            {
                Fail(field, $"{what} must be between {min} and {max}; {value} is not.");
            }
        }

        Between(nameof(DiversityRules.MaxPerCreator), rules.MaxPerCreator, 1, 8, "Videos per creator");
        Between(nameof(DiversityRules.MaxPerSound), rules.MaxPerSound, 1, 8, "Videos per sound");
        Between(nameof(DiversityRules.MaxPerCluster), rules.MaxPerCluster, 1, 8, "Videos per topic group");
        Between(nameof(DiversityRules.MinDistinctClusters), rules.MinDistinctClusters, 1, 8, "Distinct topic groups");
        Between(nameof(DiversityRules.CreatorCooldown), rules.CreatorCooldown, 0, MaxCooldown, "The creator cooldown");
        Between(nameof(DiversityRules.SoundCooldown), rules.SoundCooldown, 0, MaxCooldown, "The sound cooldown");
        Between(nameof(DiversityRules.ExplorationSlots), rules.ExplorationSlots, 0, 4, "Exploration slots");
        if (double.IsNaN(rules.MmrLambda) || rules.MmrLambda < 0 || rules.MmrLambda > 1)
        {
            Fail(nameof(DiversityRules.MmrLambda), "The relevance/novelty trade-off must be between 0 and 1.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
