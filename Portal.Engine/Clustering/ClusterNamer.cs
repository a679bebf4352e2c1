using Portal.Engine.Catalog;

namespace Portal.Engine.Clustering;

/// <summary>
/// Names each cluster after its most distinctive hashtags and caption words: a term scores
/// <c>p(t | cluster) · log(p(t | cluster) / p(t))</c> (its share of the cluster's videos times how much more common
/// it is there than overall; hashtags count one and a half times), and the best three, joined by " · ", make the
/// name ("basketball · nba · dunk").
/// </summary>
public static class ClusterNamer
{
    public static string[] Name(CatalogSnapshot catalog, int[] clusterOf, int k, int terms = 3)
    {
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        var perCluster = new Dictionary<string, int>[k];
        var sizes = new int[k];
        for (var c = 0; c < k; c++)
        {
            perCluster[c] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < catalog.Count; v++)
        {
            var cluster = clusterOf[v];
            if (cluster < 0 || cluster >= k)
            {
                continue;
            }

            sizes[cluster]++;
            tokens.Clear();
            foreach (var tag in catalog.HashtagTagsOf(v))
            {
                tokens.Add("#" + tag);
            }

            foreach (var word in Words(catalog.Captions[v]))
            {
                tokens.Add(word);
            }

            foreach (var token in tokens)
            {
                overall[token] = overall.GetValueOrDefault(token) + 1;
                perCluster[cluster][token] = perCluster[cluster].GetValueOrDefault(token) + 1;
            }
        }

        var total = (double)sizes.Sum();
        var names = new string[k];
        for (var c = 0; c < k; c++)
        {
            if (sizes[c] == 0)
            {
                names[c] = $"cluster {c + 1}";
                continue;
            }

            var best = perCluster[c]
                .Where(t => t.Value >= Math.Max(2, sizes[c] / 20))
                .Select(t =>
                {
                    var inCluster = (double)t.Value / sizes[c];
                    var everywhere = overall[t.Key] / total;
                    var score = inCluster * Math.Log(inCluster / everywhere) * (t.Key[0] == '#' ? 1.5 : 1.0);
                    return (Term: t.Key.TrimStart('#'), Score: score);
                })
                .Where(t => t.Score > 0)
                .OrderByDescending(t => t.Score)
                .ThenBy(t => t.Term, StringComparer.Ordinal)
                .Select(t => t.Term)
                .Distinct(StringComparer.Ordinal)
                .Take(terms)
                .ToList();
            names[c] = best.Count == 0 ? $"cluster {c + 1}" : string.Join(" · ", best);
        }

        return names;
    }

    private static IEnumerable<string> Words(string caption)
    {
        var start = -1;
        for (var i = 0; i <= caption.Length; i++)
        {
            var letter = i < caption.Length && char.IsLetter(caption[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 4)
                {
                    yield return caption[start..i].ToLowerInvariant();
                }

                start = -1;
            }
        }
    }
}
