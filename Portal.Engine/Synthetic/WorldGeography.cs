using Portal.Engine.Primitives;
using Portal.Engine.Catalog;

namespace Portal.Engine.Synthetic;

/// <summary>Who lives where in the generated world: languages, the countries that speak them, and the devices people use.</summary>
public static class WorldGeography
{
    /// <summary>Share of users per language.</summary>
    public static IReadOnlyList<(string Language, double Share)> LanguageShares { get; } =
        [("en", 0.40), ("es", 0.22), ("pt", 0.16), ("fr", 0.11), ("de", 0.11)];

    /// <summary>Countries per language, with their share of that language's speakers.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Country, double Share)>> Countries { get; } =
        new Dictionary<string, IReadOnlyList<(string, double)>>
        {
            ["en"] = [("US", 0.55), ("GB", 0.2), ("CA", 0.1), ("AU", 0.1), ("IE", 0.05)],
            ["es"] = [("MX", 0.4), ("ES", 0.3), ("AR", 0.15), ("CO", 0.15)],
            ["pt"] = [("BR", 0.8), ("PT", 0.2)],
            ["fr"] = [("FR", 0.75), ("BE", 0.15), ("CH", 0.1)],
            ["de"] = [("DE", 0.75), ("AT", 0.15), ("CH", 0.1)],
        };

    /// <summary>Share of users per device.</summary>
    public static IReadOnlyList<(DeviceType Device, double Share)> DeviceShares { get; } =
        [(DeviceType.Ios, 0.40), (DeviceType.Android, 0.45), (DeviceType.Web, 0.10), (DeviceType.Tablet, 0.05)];

    /// <summary>Every country code the world uses.</summary>
    public static IReadOnlyList<string> AllCountries { get; } = Countries.Values.SelectMany(c => c).Select(c => c.Country).Distinct().Order(StringComparer.Ordinal).ToArray();

    public static string PickLanguage(SeededRandom random) => Pick(LanguageShares, random);

    public static string PickCountry(string language, SeededRandom random) => Pick(Countries[language], random);

    public static DeviceType PickDevice(SeededRandom random) => Pick(DeviceShares, random);

    private static T Pick<T>(IReadOnlyList<(T Value, double Share)> shares, SeededRandom random)
    {
        var target = random.NextDouble();
        foreach (var (value, share) in shares)
        {
            target -= share;
            if (target < 0)
            {
                return value;
            }
        }

        return shares[^1].Value;
    }
}
