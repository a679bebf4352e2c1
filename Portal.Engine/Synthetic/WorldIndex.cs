using Portal.Engine.Primitives;
using Portal.Engine.Catalog;

namespace Portal.Engine.Synthetic;

/// <summary>
/// Lookups over a generated world that the history generator and the simulator need: each user's interest
/// per theme, and pools of videos per language and theme to draw exposure from.
/// </summary>
public sealed class WorldIndex
{
    private readonly World _world;
    private readonly float[] _interest;
    private readonly int _themeCount;
    private readonly Dictionary<long, int> _userIndex;
    private readonly Dictionary<string, Pool> _languagePools = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Theme, string Language), Pool> _themePools = [];
    private readonly Pool _everything;

    public WorldIndex(World world)
    {
        _world = world;
        _themeCount = ThemeCatalog.All.Count;
        _userIndex = new Dictionary<long, int>(world.Users.Count);
        for (var i = 0; i < world.Users.Count; i++)
        {
            _userIndex[world.Users[i].Id] = i;
        }

        _interest = new float[world.Users.Count * _themeCount];
        foreach (var interest in world.UserInterests)
        {
            if (_userIndex.TryGetValue(interest.UserId, out var u))
            {
                _interest[u * _themeCount + interest.Theme] = interest.Weight;
            }
        }

        var weights = new double[world.Videos.Count];
        for (var v = 0; v < weights.Length; v++)
        {
            var video = world.Videos[v];
            var sound = world.SoundTruths[video.SoundId - 1];
            weights[v] = Math.Exp(2.5 * (world.VideoTruths[v].Quality + world.CreatorTruths[video.CreatorId - 1].Quality)) * Math.Pow(sound.Popularity, 0.15);
        }

        _everything = new Pool(Enumerable.Range(0, weights.Length).ToArray(), weights);
        foreach (var language in ThemeCatalog.Languages)
        {
            _languagePools[language] = Pool.Of(world, weights, v => v.Language is null || v.Language == language);
            for (var t = 0; t < _themeCount; t++)
            {
                var theme = t;
                _themePools[(t, language)] = Pool.Of(world, weights, (v, i) => world.VideoTruths[i].Theme == theme && (v.Language is null || v.Language == language));
            }
        }
    }

    /// <summary>The user's interest in a theme relative to their strongest (0..1), or <see cref="EngagementModel.BaselineInterest"/>.</summary>
    public double RelativeInterest(int userIndex, int theme)
    {
        var row = _interest.AsSpan(userIndex * _themeCount, _themeCount);
        var max = 0f;
        foreach (var w in row)
        {
            max = Math.Max(max, w);
        }

        var value = row[theme];
        return value <= 0 || max <= 0 ? EngagementModel.BaselineInterest : Math.Max(EngagementModel.BaselineInterest, value / max);
    }

    /// <summary>How appealing video <paramref name="videoIndex"/> is to user <paramref name="userIndex"/> under <see cref="EngagementModel"/>.</summary>
    public double Appeal(int userIndex, int videoIndex)
    {
        var user = _world.Users[userIndex];
        var video = _world.Videos[videoIndex];
        var truth = _world.VideoTruths[videoIndex];
        return EngagementModel.Appeal(
            RelativeInterest(userIndex, truth.Theme),
            truth.Quality,
            _world.CreatorTruths[video.CreatorId - 1].Quality,
            _world.SoundTruths[video.SoundId - 1].Appeal,
            video.Language is null || video.Language == user.Language);
    }

    /// <summary>
    /// A video the user could have been shown at <paramref name="at"/> by an earlier, simpler recommender:
    /// 35 % popular, 45 % from one of the user's themes, 20 % random; 85 % of the time in the user's language
    /// or language-neutral. Respects country, device and creation time; never repeats a seen video. -1 when
    /// nothing eligible was found in a few tries.
    /// </summary>
    public int PickForHistory(int userIndex, DateTime at, HashSet<int> seen, SeededRandom random)
    {
        var user = _world.Users[userIndex];
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var pool = random.Chance(0.85) && _languagePools.TryGetValue(user.Language, out var own) ? own : _everything;
            var mode = random.NextDouble();
            int candidate;
            if (mode < 0.35)
            {
                candidate = pool.SamplePopular(random);
            }
            else if (mode < 0.8)
            {
                var theme = SampleTheme(userIndex, random);
                candidate = _themePools.TryGetValue((theme, user.Language), out var themed) && themed.Count > 0
                    ? themed.SamplePopular(random)
                    : pool.SamplePopular(random);
            }
            else
            {
                candidate = pool.SampleUniform(random);
            }

            if (candidate >= 0 && !seen.Contains(candidate) && IsEligible(user, _world.Videos[candidate], at))
            {
                return candidate;
            }
        }

        return -1;
    }

    private int SampleTheme(int userIndex, SeededRandom random)
    {
        var row = _interest.AsSpan(userIndex * _themeCount, _themeCount);
        var total = 0f;
        foreach (var w in row)
        {
            total += w;
        }

        var target = random.NextDouble() * total;
        for (var t = 0; t < row.Length; t++)
        {
            target -= row[t];
            if (target < 0)
            {
                return t;
            }
        }

        return random.Next(_themeCount);
    }

    private static bool IsEligible(AppUser user, Video video, DateTime at) =>
        video.CreatedAt <= at
        && (video.AllowedCountries is null || video.AllowedCountries.Split(',').Contains(user.Country))
        && !(video.RequiresApp && user.Device == DeviceType.Web);

    private sealed class Pool(int[] videos, double[] allWeights)
    {
        private readonly WeightedSampler _popular = new(videos.Select(v => allWeights[v]).ToArray());

        public int Count => videos.Length;

        public static Pool Of(World world, double[] weights, Func<Video, bool> predicate) =>
            Of(world, weights, (video, _) => predicate(video));

        public static Pool Of(World world, double[] weights, Func<Video, int, bool> predicate)
        {
            var members = new List<int>();
            for (var i = 0; i < world.Videos.Count; i++)
            {
                if (predicate(world.Videos[i], i))
                {
                    members.Add(i);
                }
            }

            return new Pool([.. members], weights);
        }

        public int SamplePopular(SeededRandom random) => videos.Length == 0 ? -1 : videos[_popular.Sample(random)];

        public int SampleUniform(SeededRandom random) => videos.Length == 0 ? -1 : videos[random.Next(videos.Length)];
    }
}
