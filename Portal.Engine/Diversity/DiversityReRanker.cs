using Portal.Engine.Candidates;
using Portal.Engine.Feed;

namespace Portal.Engine.Diversity;

/// <summary>
/// Picks the batch from the ranked candidates under the diversity rules, slot by slot: among candidates no rule
/// blocks, the one with the best maximal-marginal-relevance value <c>λ·score − (1−λ)·max similarity to the
/// batch so far</c>. Exploration slots (at positions drawn from the request's random stream, never the first)
/// take only exploration candidates. When no candidate fits a slot, the next rule in
/// <see cref="DiversityRules.RelaxationOrder"/> is relaxed for the rest of the batch, and the relaxation is reported.
/// </summary>
public static class DiversityReRanker
{
    public static DiversitySelection Select(FeedContext context, IReadOnlyList<Candidate> ranked, DiversityRules rules)
    {
        var catalog = context.Catalog;
        var content = context.Snapshot.Model.Content;
        var target = Math.Min(FeedOptions.BatchSize, ranked.Count);
        var lambda = (float)rules.MmrLambda;

        var explorationPositions = new HashSet<int>();
        if (rules.ExplorationSlots > 0 && !context.ColdStart && target > 1)
        {
            var available = ranked.Count(c => c.IsFrom(CandidateSourceKind.Exploration));
            var slots = Math.Min(rules.ExplorationSlots, Math.Min(target - 1, available));
            while (explorationPositions.Count < slots)
            {
                explorationPositions.Add(1 + context.Random.Next(target - 1));
            }
        }

        var creatorCooldown = LastOf(context.State.RecentServedCreators, rules.CreatorCooldown);
        var soundCooldown = LastOf(context.State.RecentServedSounds, rules.SoundCooldown);
        var relaxed = new List<string>();
        if (rules.ExplorationSlots > 0 && !context.ColdStart && explorationPositions.Count < Math.Min(rules.ExplorationSlots, target - 1))
        {
            relaxed.Add(nameof(DiversityRules.ExplorationSlots));
        }

        var disabled = new HashSet<string>(relaxed, StringComparer.Ordinal);
        var creatorCount = new Dictionary<int, int>();
        var soundCount = new Dictionary<int, int>();
        var clusterCount = new Dictionary<int, int>();
        var taken = new bool[ranked.Count];
        var maxSimilarity = new float[ranked.Count];
        var blockedBy = new string?[ranked.Count];
        var items = new List<SelectedCandidate>(target);

        string? Violation(Candidate c)
        {
            var video = c.Video;
            var creator = catalog.CreatorOf[video];
            var sound = catalog.SoundOf[video];
            var cluster = context.Snapshot.ClusterOf(video);
            if (!disabled.Contains(nameof(DiversityRules.MaxPerCreator)) && creatorCount.GetValueOrDefault(creator) >= rules.MaxPerCreator)
            {
                return nameof(DiversityRules.MaxPerCreator);
            }

            if (!disabled.Contains(nameof(DiversityRules.MaxPerSound)) && soundCount.GetValueOrDefault(sound) >= rules.MaxPerSound)
            {
                return nameof(DiversityRules.MaxPerSound);
            }

            if (!disabled.Contains(nameof(DiversityRules.MaxPerCluster)) && clusterCount.GetValueOrDefault(cluster) >= rules.MaxPerCluster)
            {
                return nameof(DiversityRules.MaxPerCluster);
            }

            if (!disabled.Contains(nameof(DiversityRules.MinDistinctClusters)) && clusterCount.ContainsKey(cluster)
                && rules.MinDistinctClusters - clusterCount.Count >= target - items.Count)
            {
                return nameof(DiversityRules.MinDistinctClusters);
            }

            if (!disabled.Contains(nameof(DiversityRules.CreatorCooldown)) && creatorCooldown.Contains(catalog.CreatorIds[creator]))
            {
                return nameof(DiversityRules.CreatorCooldown);
            }

            if (!disabled.Contains(nameof(DiversityRules.SoundCooldown)) && soundCooldown.Contains(catalog.SoundIds[sound]))
            {
                return nameof(DiversityRules.SoundCooldown);
            }

            return null;
        }

        // Similarities are computed lazily: similarityUpTo[i] says against how many selected items maxSimilarity[i] is current.
        var similarityUpTo = new int[ranked.Count];
        var selectedVideos = new List<int>(target);
        var ruleCounts = new int[DiversityRules.RelaxationOrder.Count];

        for (var position = 0; position < target; position++)
        {
            var wantExploration = explorationPositions.Contains(position);
            var relaxedHere = new List<string>();
            Array.Clear(blockedBy);
            var best = -1;
            var firstOpen = -1;
            while (true)
            {
                var bestValue = float.NegativeInfinity;
                firstOpen = -1;
                for (var i = 0; i < ranked.Count; i++)
                {
                    if (taken[i] || (wantExploration && !ranked[i].IsFrom(CandidateSourceKind.Exploration)))
                    {
                        continue;
                    }

                    // Scores are sorted: once λ·score cannot beat the best value, nothing further down can.
                    if (lambda * ranked[i].Score < bestValue)
                    {
                        break;
                    }

                    var rule = Violation(ranked[i]);
                    if (rule is not null)
                    {
                        blockedBy[i] = rule;
                        continue;
                    }

                    if (firstOpen < 0)
                    {
                        firstOpen = i;
                    }

                    while (similarityUpTo[i] < selectedVideos.Count)
                    {
                        maxSimilarity[i] = Math.Max(maxSimilarity[i], content.Similarity(ranked[i].Video, selectedVideos[similarityUpTo[i]++]));
                    }

                    var value = lambda * ranked[i].Score - (1 - lambda) * maxSimilarity[i];
                    if (value > bestValue)
                    {
                        bestValue = value;
                        best = i;
                    }
                }

                if (best >= 0)
                {
                    break;
                }

                if (wantExploration)
                {
                    wantExploration = false;
                    if (!relaxed.Contains(nameof(DiversityRules.ExplorationSlots)))
                    {
                        relaxed.Add(nameof(DiversityRules.ExplorationSlots));
                    }

                    relaxedHere.Add(nameof(DiversityRules.ExplorationSlots));
                    continue;
                }

                var next = DiversityRules.RelaxationOrder.FirstOrDefault(r => r != nameof(DiversityRules.ExplorationSlots) && !disabled.Contains(r));
                if (next is null)
                {
                    break;
                }

                disabled.Add(next);
                relaxed.Add(next);
                relaxedHere.Add(next);
            }

            if (best < 0)
            {
                break;
            }

            var chosen = ranked[best];
            taken[best] = true;
            var effects = new List<string>(2);
            if (wantExploration)
            {
                effects.Add("Exploration slot: kept for a topic group new to you");
            }

            Array.Clear(ruleCounts);
            for (var i = 0; i < best; i++)
            {
                if (!taken[i] && blockedBy[i] is { } rule)
                {
                    ruleCounts[IndexOfRule(rule)]++;
                }
            }

            for (var r = 0; r < ruleCounts.Length; r++)
            {
                if (ruleCounts[r] > 0)
                {
                    var count = ruleCounts[r];
                    effects.Add($"{Describe(DiversityRules.RelaxationOrder[r])} kept {count} higher-ranked candidate{(count == 1 ? "" : "s")} out");
                }
            }

            if (!wantExploration && firstOpen >= 0 && firstOpen < best)
            {
                effects.Add("Novelty (MMR) preferred it to higher-ranked videos more like the ones above it");
            }

            foreach (var rule in relaxedHere)
            {
                effects.Add($"Relaxed {Describe(rule)}: too few eligible videos to keep it");
            }

            items.Add(new SelectedCandidate(chosen, position + 1, effects, wantExploration));
            var video = chosen.Video;
            selectedVideos.Add(video);
            Increment(creatorCount, catalog.CreatorOf[video]);
            Increment(soundCount, catalog.SoundOf[video]);
            Increment(clusterCount, context.Snapshot.ClusterOf(video));
        }

        var lastRank = items.Count == 0 ? 0 : items.Max(i => i.Candidate.RankBefore);
        var blocked = Enumerable.Range(0, ranked.Count)
            .Where(i => !taken[i] && blockedBy[i] is not null && ranked[i].RankBefore < lastRank)
            .Take(10)
            .Select(i => new BlockedCandidate(ranked[i].Video, ranked[i].RankBefore, blockedBy[i]!))
            .ToList();
        return new DiversitySelection(items, relaxed, blocked);
    }

    /// <summary>Plain words for a rule, for explanations.</summary>
    public static string Describe(string rule) => rule switch
    {
        nameof(DiversityRules.MaxPerCreator) => "one-creator limit",
        nameof(DiversityRules.MaxPerSound) => "one-sound limit",
        nameof(DiversityRules.MaxPerCluster) => "topic-group limit",
        nameof(DiversityRules.MinDistinctClusters) => "minimum of distinct topic groups",
        nameof(DiversityRules.CreatorCooldown) => "creator cooldown",
        nameof(DiversityRules.SoundCooldown) => "sound cooldown",
        nameof(DiversityRules.ExplorationSlots) => "exploration slots",
        _ => rule,
    };

    private static int IndexOfRule(string rule)
    {
        var order = DiversityRules.RelaxationOrder;
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == rule)
            {
                return i;
            }
        }

        return 0;
    }

    private static HashSet<int> LastOf(IReadOnlyList<int> list, int count)
    {
        var set = new HashSet<int>();
        for (var i = Math.Max(0, list.Count - count); i < list.Count; i++)
        {
            set.Add(list[i]);
        }

        return set;
    }

    private static void Increment(Dictionary<int, int> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
