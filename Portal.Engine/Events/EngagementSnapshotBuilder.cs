using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Engine.Candidates;
using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Events;

/// <summary>
/// Builds an <see cref="EngagementSnapshot"/> from every stored event in one streaming pass (about two seconds for
/// two million events). Popularity is <c>max(0, Σ weight · 2^(−age / half-life))</c> with weights from
/// <see cref="EngagementWeights"/>; trending is the same sum with the short half-life minus the long one scaled to
/// the same window, floored at zero; co-engagement is the cosine over users' latest positive engagements.
/// </summary>
public sealed class EngagementSnapshotBuilder(IDbContextFactory<EngineDbContext> contexts, IOptions<CandidatesOptions> options, TimeProvider time)
{
    public async Task<EngagementSnapshot> BuildAsync(CatalogSnapshot catalog, long? upToEventId = null, DateTime? asOf = null, CancellationToken ct = default)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        var userCountry = new Dictionary<long, int>();
        await ReadAsync(connection, "SELECT \"Id\", \"Country\" FROM \"AppUsers\"", null, r =>
        {
            userCountry[r.GetInt64(0)] = catalog.CountryIndexOf(r.GetString(1));
        }, ct);

        var filter = upToEventId is null ? "" : " WHERE \"Id\" <= @upTo";
        var newest = 0L;
        await ReadAsync(connection, "SELECT MAX(\"At\") FROM \"Events\"" + filter, upToEventId, r => newest = r.IsDBNull(0) ? 0 : r.GetInt64(0), ct);

        var now = asOf ?? time.GetUtcNow().UtcDateTime;
        var nowMs = UtcDateTimeConverter.ToUnixMilliseconds(now);
        var referenceMs = newest == 0 ? nowMs : Math.Min(nowMs, newest);
        var popularityHalfLifeMs = settings.PopularityHalfLifeHours * 3_600_000;
        var trendingHalfLifeMs = settings.TrendingHalfLifeHours * 3_600_000;
        var popularityRate = -Math.Log(2) / popularityHalfLifeMs;
        var trendingRate = -Math.Log(2) / trendingHalfLifeMs;

        var n = catalog.Count;
        var popularity = new double[n];
        var recent = new double[n];
        var countryPopularity = new Dictionary<int, double[]>();
        var positives = new Dictionary<long, List<int>>();
        var watermark = 0L;
        var count = 0L;
        await ReadAsync(connection, "SELECT \"Id\", \"UserId\", \"VideoId\", \"Kind\", \"WatchFraction\", \"At\" FROM \"Events\"" + filter + " ORDER BY \"Id\"", upToEventId, r =>
        {
            watermark = Math.Max(watermark, r.GetInt64(0));
            count++;
            var video = catalog.IndexOf(r.GetInt32(2));
            if (video < 0)
            {
                return;
            }

            var user = r.GetInt64(1);
            var kind = (EngagementKind)r.GetInt32(3);
            float? watch = r.IsDBNull(4) ? null : r.GetFloat(4);
            var weight = EngagementWeights.Of(kind, watch);
            if (weight != 0)
            {
                var age = Math.Max(0, referenceMs - r.GetInt64(5));
                var decayed = weight * Math.Exp(popularityRate * age);
                popularity[video] += decayed;
                recent[video] += weight * Math.Exp(trendingRate * age);
                if (userCountry.TryGetValue(user, out var country) && country >= 0)
                {
                    if (!countryPopularity.TryGetValue(country, out var perCountry))
                    {
                        countryPopularity[country] = perCountry = new double[n];
                    }

                    perCountry[video] += decayed;
                }
            }

            if (EngagementWeights.IsPositive(kind, watch))
            {
                if (!positives.TryGetValue(user, out var list))
                {
                    positives[user] = list = [];
                }

                list.Add(video);
            }
        }, ct);

        var popularityF = new float[n];
        var trending = new float[n];
        var ratio = trendingHalfLifeMs / popularityHalfLifeMs;
        for (var v = 0; v < n; v++)
        {
            popularityF[v] = (float)Math.Max(0, popularity[v]);
            trending[v] = (float)Math.Max(0, recent[v] - ratio * popularity[v]);
        }

        var top = settings.TopListSize;
        var globalTop = TopBy(popularityF, Enumerable.Range(0, n), top);
        var countryTop = countryPopularity.ToDictionary(
            c => c.Key,
            c => TopBy(Array.ConvertAll(c.Value, x => (float)Math.Max(0, x)), Enumerable.Range(0, n).Where(v => c.Value[v] > 0), top));
        var languageTop = new Dictionary<int, int[]>();
        for (var language = 1; language < catalog.Languages.Length; language++)
        {
            var code = (byte)language;
            languageTop[language] = TopBy(popularityF, Enumerable.Range(0, n).Where(v => catalog.LanguageOf[v] == code || catalog.LanguageOf[v] == 0), top);
        }

        languageTop[0] = TopBy(popularityF, Enumerable.Range(0, n).Where(v => catalog.LanguageOf[v] == 0), top);

        var (coEngaged, coScores) = CoEngagement(n, positives, settings.CoEngagementHistory, settings.CoEngagementNeighbors);
        return new EngagementSnapshot(
            time.GetUtcNow().UtcDateTime,
            UtcDateTimeConverter.FromUnixMilliseconds(referenceMs),
            watermark,
            count,
            popularityF,
            trending,
            countryTop,
            languageTop,
            globalTop,
            TopBy(trending, Enumerable.Range(0, n).Where(v => trending[v] > 0), top),
            coEngaged,
            coScores);
    }

    /// <summary>Item–item cosine over binary "engaged positively" vectors, from each user's latest positives.</summary>
    internal static (int[][] Neighbors, float[][] Scores) CoEngagement(int videoCount, Dictionary<long, List<int>> positives, int history, int neighbors)
    {
        var itemCount = new int[videoCount];
        var pairs = new Dictionary<long, int>();
        foreach (var list in positives.Values)
        {
            var latest = list.Count > history ? list.GetRange(list.Count - history, history) : list;
            var distinct = latest.Distinct().ToArray();
            foreach (var v in distinct)
            {
                itemCount[v]++;
            }

            for (var i = 0; i < distinct.Length; i++)
            {
                for (var j = i + 1; j < distinct.Length; j++)
                {
                    var a = Math.Min(distinct[i], distinct[j]);
                    var b = Math.Max(distinct[i], distinct[j]);
                    var key = ((long)a << 32) | (uint)b;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
            }
        }

        var lists = new List<(int Other, float Score)>[videoCount];
        foreach (var (key, together) in pairs)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xFFFFFFFF);
            var score = (float)(together / Math.Sqrt((double)itemCount[a] * itemCount[b]));
            (lists[a] ??= []).Add((b, score));
            (lists[b] ??= []).Add((a, score));
        }

        var result = new int[videoCount][];
        var scores = new float[videoCount][];
        for (var v = 0; v < videoCount; v++)
        {
            var best = lists[v]?.OrderByDescending(x => x.Score).ThenBy(x => x.Other).Take(neighbors).ToArray() ?? [];
            result[v] = best.Select(x => x.Other).ToArray();
            scores[v] = best.Select(x => x.Score).ToArray();
        }

        return (result, scores);
    }

    /// <summary>The <paramref name="count"/> best videos by score, best first, ties by index (one array sort, no comparer).</summary>
    private static int[] TopBy(float[] score, IEnumerable<int> videos, int count)
    {
        var members = videos.ToArray();
        var keys = new float[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            keys[i] = -score[members[i]];
        }

        // Stable for ties: members arrive in index order and equal keys keep that order only with a stable sort,
        // so break ties explicitly on the index with a tiny epsilon-free second pass.
        Array.Sort(keys, members);
        var result = members.AsSpan(0, Math.Min(count, members.Length)).ToArray();
        var start = 0;
        for (var i = 1; i <= result.Length; i++)
        {
            if (i == result.Length || keys[i] != keys[start])
            {
                Array.Sort(result, start, i - start);
                start = i;
            }
        }

        return result;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, long? upTo, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (upTo is { } value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "upTo";
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
