using System.Globalization;

namespace Portal.Components.Pages.Training;

/// <summary>How the portal names and formats the metrics a training run records (<c>full.ndcg@10</c> → "NDCG@10", "Full pipeline").</summary>
public static class MetricText
{
    /// <summary>The methods the offline evaluation compares, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Key, string Name)> Methods { get; } =
    [
        ("popularity", "Popularity"),
        ("content", "Content"),
        ("als", "ALS"),
        ("active", "Previous active"),
        ("full", "Full pipeline"),
    ];

    /// <summary>The offline metrics per method, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Key, string Name, string Help)> Metrics { get; } =
    [
        ("ndcg@10", "NDCG@10", "How high the videos the user went on to like sit in the top 10 (1 is perfect)."),
        ("recall@10", "Recall@10", "Share of the user's later positives found in the top 10."),
        ("hitrate@10", "Hit rate@10", "Share of users with at least one later positive in the top 10."),
        ("precision@10", "Precision@10", "Share of the top 10 that the user went on to engage with."),
        ("map@10", "MAP@10", "Mean average precision of the top 10."),
        ("coverage", "Coverage", "Share of the catalog that appears in anyone's top 10."),
        ("diversity", "Diversity", "How different the videos of one list are from each other."),
        ("novelty", "Novelty", "How far from the most popular videos the lists go."),
    ];

    public const string Ndcg = "full.ndcg@10";

    public const string SimulatedPositives = "simulated.full.positives_per_batch";

    /// <summary>A method's name for a narrow column: "Previous", "Full".</summary>
    public static string MethodShortName(string key) => key switch
    {
        "active" => "Previous",
        "full" => "Full",
        _ => MethodName(key),
    };

    public static string MethodName(string key) => Methods.FirstOrDefault(m => m.Key == key).Name ?? Portal.Components.Shared.DisplayText.Words(key);

    /// <summary>"full.ndcg@10" → "Full pipeline · NDCG@10"; other keys in words.</summary>
    public static string Label(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var method = key[..dot];
            var metric = key[(dot + 1)..];
            if (Methods.Any(m => m.Key == method))
            {
                var name = Metrics.FirstOrDefault(m => m.Key == metric).Name ?? metric;
                return $"{MethodName(method)} · {name}";
            }
        }

        return key.Replace('_', ' ').Replace(".", " · ", StringComparison.Ordinal);
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "—"
        : Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Format(IReadOnlyDictionary<string, double> metrics, string key) =>
        metrics.TryGetValue(key, out var value) ? Format(value) : "—";

    /// <summary>A signed difference: "+0.012", "−0.004".</summary>
    public static string Delta(double delta) =>
        (delta > 0 ? "+" : delta < 0 ? "−" : "±") + Format(Math.Abs(delta));

    /// <summary>"4 min 12 s", "38 s", "0.4 s".</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalSeconds < 10 ? $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds} s"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
