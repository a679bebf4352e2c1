using Portal.Engine.Primitives;
using Portal.Engine.Catalog;
using Portal.Engine.Events;

namespace Portal.Engine.Synthetic;

/// <summary>
/// Makes a <see cref="World"/> from a <see cref="WorldSpec"/>. Deterministic: each part of the world draws from
/// its own <see cref="SeededRandom"/> stream, so the same spec always gives the identical world.
/// <para>
/// The shape: creators specialise in one theme (70 %) or two; each video takes its creator's theme, its
/// language (or none, per the theme's neutral share), its theme's dominant hashtag first and a few more, and a
/// sound from its theme or, one time in five, from the handful of sounds trending across all themes. Sound
/// popularity follows a power law. Users have a language, a country that speaks it, a device and a hidden mix
/// of one to three themes. History is written as sessions of batches of 8: each slot is a popular video, a
/// video from one of the user's themes, or a random one, and the user reacts per <see cref="EngagementModel"/>.
/// </para>
/// </summary>
public static class WorldGenerator
{
    private static readonly string[] FirstNames =
    [
        "alex", "sam", "maria", "lucas", "emma", "noah", "sofia", "liam", "mia", "leo", "ana", "jonas", "lea", "hugo", "chloe", "mateo",
        "valentina", "gabriel", "julia", "pedro", "lina", "felix", "nina", "diego", "clara", "marco", "ines", "oscar", "zoe", "ravi",
        "camila", "theo", "lola", "bruno", "elena", "max", "alice", "tomas", "lara", "kai",
    ];

    private static readonly string[] SoundWords =
    [
        "midnight", "summer", "neon", "golden", "electric", "velvet", "paper", "wild", "silver", "ocean", "crystal", "lazy", "cosmic",
        "echo", "sunset", "rhythm", "dream", "fire", "city", "heart", "storm", "sugar", "shadow", "groove", "wave", "bloom",
    ];

    public static World Generate(WorldSpec spec)
    {
        var world = new World { Spec = spec };
        var themes = ThemeCatalog.All;

        var themeWeights = ThemeWeights(spec.Seed, themes.Count);
        var hashtagIds = AddHashtags(world);
        AddSounds(world, spec, themes.Count);
        AddCreators(world, spec, themeWeights);
        AddVideos(world, spec, hashtagIds);
        AddUsers(world, spec, themeWeights);
        AddHistory(world, spec);
        return world;
    }

    /// <summary>How common each theme is among creators and users: some topics are bigger than others.</summary>
    private static double[] ThemeWeights(int seed, int count)
    {
        var random = SeededRandom.For(seed, "themes");
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = 0.5 + random.NextDouble() * 1.5;
        }

        return weights;
    }

    private static Dictionary<string, int> AddHashtags(World world)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);

        void Add(string tag)
        {
            if (!ids.ContainsKey(tag))
            {
                ids[tag] = ids.Count + 1;
                world.Hashtags.Add(new Hashtag { Id = ids[tag], Tag = tag });
            }
        }

        foreach (var theme in ThemeCatalog.All)
        {
            Add(theme.Key);
            foreach (var tag in theme.Hashtags)
            {
                Add(tag);
            }

            foreach (var tag in theme.LocalHashtags.Values)
            {
                Add(tag);
            }
        }

        foreach (var tag in ThemeCatalog.GenericHashtags)
        {
            Add(tag);
        }

        return ids;
    }

    private static void AddSounds(World world, WorldSpec spec, int themeCount)
    {
        var random = SeededRandom.For(spec.Seed, "sounds");
        var count = spec.Preset.Sounds;
        var trending = Math.Max(2, count * 3 / 100);
        var rankInTheme = new int[themeCount];
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            var isTrending = i < trending;
            var theme = isTrending ? -1 : (i - trending) % themeCount;
            var rank = isTrending ? i + 1 : ++rankInTheme[theme];
            var popularity = isTrending ? 3.0 / Math.Pow(i + 1, 0.6) : 1.0 / Math.Pow(rank, 1.1);
            var isOriginal = !isTrending && random.Chance(0.3);
            var title = isOriginal
                ? $"original sound · {random.Pick(ThemeCatalog.All[theme].Words["en"])}"
                : $"{Capitalize(random.Pick(SoundWords))} {Capitalize(random.Pick(SoundWords))}";
            var artist = isOriginal ? "original audio" : $"{Capitalize(random.Pick(FirstNames))} {Capitalize(random.Pick(SoundWords))}";
            world.Sounds.Add(new Sound
            {
                Id = id,
                Title = title,
                Artist = artist,
                IsOriginal = isOriginal,
                CreatedAt = spec.Anchor.AddDays(-spec.Preset.Days * 2 - random.Next(365)),
            });
            world.SoundTruths.Add(new SoundTruth
            {
                SoundId = id,
                Theme = theme,
                Appeal = (float)(0.75 + 0.4 * random.NextDouble()),
                Popularity = (float)popularity,
            });
        }
    }

    private static void AddCreators(World world, WorldSpec spec, double[] themeWeights)
    {
        var random = SeededRandom.For(spec.Seed, "creators");
        var themes = new WeightedSampler(themeWeights);
        for (var i = 0; i < spec.Preset.Creators; i++)
        {
            var id = i + 1;
            var primary = themes.Sample(random);
            var secondary = -1;
            if (random.Chance(0.3))
            {
                do
                {
                    secondary = themes.Sample(random);
                }
                while (secondary == primary);
            }

            var language = WorldGeography.PickLanguage(random);
            var name = random.Pick(FirstNames);
            var theme = ThemeCatalog.All[primary];
            world.Creators.Add(new Creator
            {
                Id = id,
                Handle = $"{name}.{theme.Key}.{id}",
                DisplayName = $"{Capitalize(name)} · {theme.DisplayName}",
                Country = WorldGeography.PickCountry(language, random),
                Language = language,
                CreatedAt = spec.Anchor.AddDays(-spec.Preset.Days * 2 - random.Next(720)),
            });
            world.CreatorTruths.Add(new CreatorTruth
            {
                CreatorId = id,
                PrimaryTheme = primary,
                SecondaryTheme = secondary,
                Quality = (float)(0.3 + 0.7 * random.NextBeta(2, 2.5)),
            });
        }
    }

    private static void AddVideos(World world, WorldSpec spec, Dictionary<string, int> hashtagIds)
    {
        var random = SeededRandom.For(spec.Seed, "videos");
        var preset = spec.Preset;

        // Some creators post a lot, most a little: a power law over a shuffled order.
        var activity = new double[world.Creators.Count];
        for (var i = 0; i < activity.Length; i++)
        {
            activity[i] = 1.0 / Math.Pow(1 + random.Next(activity.Length), 0.8);
        }

        var creators = new WeightedSampler(activity);

        var trendingSounds = world.SoundTruths.Where(s => s.Theme < 0).ToArray();
        var trendingSampler = new WeightedSampler(trendingSounds.Select(s => (double)s.Popularity).ToArray());
        var themeSounds = new SoundTruth[ThemeCatalog.All.Count][];
        var themeSoundSamplers = new WeightedSampler[ThemeCatalog.All.Count];
        for (var t = 0; t < themeSounds.Length; t++)
        {
            themeSounds[t] = world.SoundTruths.Where(s => s.Theme == t).ToArray();
            if (themeSounds[t].Length == 0)
            {
                themeSounds[t] = trendingSounds;
            }

            themeSoundSamplers[t] = new WeightedSampler(themeSounds[t].Select(s => (double)s.Popularity).ToArray());
        }

        var historySpan = TimeSpan.FromDays(preset.Days * 1.2);
        var tags = new List<int>(8);
        for (var i = 0; i < preset.Videos; i++)
        {
            var id = i + 1;
            var creatorIndex = creators.Sample(random);
            var creator = world.Creators[creatorIndex];
            var creatorTruth = world.CreatorTruths[creatorIndex];
            var themeId = creatorTruth.SecondaryTheme >= 0 && random.Chance(0.25) ? creatorTruth.SecondaryTheme : creatorTruth.PrimaryTheme;
            var theme = ThemeCatalog.All[themeId];

            string? language = random.Chance(theme.NeutralShare)
                ? null
                : random.Chance(0.9) ? creator.Language : WorldGeography.PickLanguage(random);

            var sound = random.Chance(0.2)
                ? trendingSounds[trendingSampler.Sample(random)]
                : themeSounds[themeId][themeSoundSamplers[themeId].Sample(random)];

            tags.Clear();
            tags.Add(hashtagIds[theme.Key]);
            var extra = random.Next(1, 4);
            for (var k = 0; k < extra; k++)
            {
                // Earlier hashtags of a theme are its more common ones.
                var index = Math.Min(theme.Hashtags.Count - 1, (int)(Math.Pow(random.NextDouble(), 1.8) * theme.Hashtags.Count));
                AddDistinct(tags, hashtagIds[theme.Hashtags[index]]);
            }

            if (language is not null && random.Chance(0.4))
            {
                AddDistinct(tags, hashtagIds[theme.LocalHashtags[language]]);
            }

            if (random.Chance(0.5))
            {
                AddDistinct(tags, hashtagIds[random.Pick(ThemeCatalog.GenericHashtags)]);
            }

            var video = new Video
            {
                Id = id,
                CreatorId = creator.Id,
                SoundId = sound.SoundId,
                Caption = CaptionWriter.Write(theme, language, random),
                Language = language,
                OriginCountry = creator.Country,
                AllowedCountries = random.Chance(0.02) ? creator.Country : null,
                RequiresApp = random.Chance(0.03),
                DurationSeconds = (int)Math.Clamp(Math.Exp(Math.Log(25) + 0.7 * random.NextGaussian()), 5, 180),
                CreatedAt = Milliseconds(spec.Anchor - TimeSpan.FromTicks((long)(historySpan.Ticks * Math.Pow(random.NextDouble(), 0.8))) - TimeSpan.FromMinutes(30)),
                Moderation = random.NextDouble() switch
                {
                    < 0.003 => ModerationStatus.Removed,
                    < 0.008 => ModerationStatus.Restricted,
                    _ => ModerationStatus.Visible,
                },
            };
            for (var position = 0; position < tags.Count; position++)
            {
                video.Hashtags.Add(new VideoHashtag { VideoId = id, HashtagId = tags[position], Position = position });
            }

            world.Videos.Add(video);
            world.VideoTruths.Add(new VideoTruth { VideoId = id, Theme = themeId, Quality = (float)(0.35 + 0.65 * random.NextBeta(2, 2)) });
        }
    }

    private static void AddUsers(World world, WorldSpec spec, double[] themeWeights)
    {
        var random = SeededRandom.For(spec.Seed, "users");
        var themes = new WeightedSampler(themeWeights);
        Span<int> chosen = stackalloc int[3];
        for (var i = 0; i < spec.Preset.Users; i++)
        {
            var id = i + 1L;
            var language = WorldGeography.PickLanguage(random);
            world.Users.Add(new AppUser
            {
                Id = id,
                Language = language,
                Country = WorldGeography.PickCountry(language, random),
                Device = WorldGeography.PickDevice(random),
                CreatedAt = spec.Anchor.AddDays(-spec.Preset.Days - random.Next(1, 400)),
                Personalized = !random.Chance(0.03),
            });

            var count = random.NextDouble() switch { < 0.3 => 1, < 0.75 => 2, _ => 3 };
            for (var k = 0; k < count; k++)
            {
                int theme;
                do
                {
                    theme = themes.Sample(random);
                }
                while (chosen[..k].Contains(theme));

                chosen[k] = theme;
                world.UserInterests.Add(new UserInterest { UserId = id, Theme = theme, Weight = (float)(k == 0 ? 1.0 : 0.35 + 0.6 * random.NextDouble()) });
            }
        }
    }

    private static void AddHistory(World world, WorldSpec spec)
    {
        var random = SeededRandom.For(spec.Seed, "history");
        var preset = spec.Preset;
        var model = new WorldIndex(world);
        var userCount = world.Users.Count;
        var activity = new double[userCount];
        for (var i = 0; i < userCount; i++)
        {
            activity[i] = Math.Exp(0.7 * random.NextGaussian());
        }

        var users = new WeightedSampler(activity);
        var seen = new HashSet<int>[userCount];
        var follows = new HashSet<int>[userCount];
        var events = world.Events;
        var target = preset.Events;
        var windowTicks = TimeSpan.FromDays(preset.Days).Ticks;

        while (events.Count < target)
        {
            var u = users.Sample(random);
            var user = world.Users[u];
            seen[u] ??= [];
            follows[u] ??= [];
            var at = spec.Anchor - TimeSpan.FromTicks((long)(random.NextDouble() * windowTicks)) - TimeSpan.FromMinutes(5);
            var batches = random.Next(1, 4);
            for (var b = 0; b < batches * 8 && events.Count < target; b++)
            {
                var v = model.PickForHistory(u, at, seen[u], random);
                if (v < 0)
                {
                    continue;
                }

                seen[u].Add(v);
                var video = world.Videos[v];
                var creatorIndex = video.CreatorId - 1;
                var appeal = model.Appeal(u, v);
                var reaction = EngagementModel.React(appeal, world.VideoTruths[v].Quality, world.CreatorTruths[creatorIndex].Quality, follows[u].Contains(video.CreatorId), random);
                if (reaction.Followed)
                {
                    follows[u].Add(video.CreatorId);
                }

                at = Emit(events, user, video, reaction, at, target);
            }
        }

        events.Sort((a, b) => a.At.CompareTo(b.At));
    }

    /// <summary>Writes the events of one reaction and returns the time the next video starts.</summary>
    private static DateTime Emit(List<EngagementEvent> events, AppUser user, Video video, Reaction reaction, DateTime at, int target)
    {
        void Add(EngagementKind kind, DateTime when, float? watch = null)
        {
            if (events.Count < target)
            {
                events.Add(new EngagementEvent { UserId = user.Id, VideoId = video.Id, Kind = kind, At = Milliseconds(when), WatchFraction = watch, Device = user.Device });
            }
        }

        Add(EngagementKind.Impression, at);
        var watched = at.AddSeconds(Math.Max(1, video.DurationSeconds * reaction.WatchFraction));
        Add(reaction.Skipped ? EngagementKind.Skip : EngagementKind.Watch, watched, reaction.WatchFraction);
        if (reaction.Liked)
        {
            Add(EngagementKind.Like, watched.AddSeconds(-1));
        }

        if (reaction.Shared)
        {
            Add(EngagementKind.Share, watched.AddSeconds(1));
        }

        if (reaction.Commented)
        {
            Add(EngagementKind.Comment, watched.AddSeconds(2));
        }

        if (reaction.Followed)
        {
            Add(EngagementKind.Follow, watched.AddSeconds(3));
        }

        if (reaction.NotInterested)
        {
            Add(EngagementKind.NotInterested, watched.AddSeconds(1));
        }

        if (reaction.Reported)
        {
            Add(EngagementKind.Report, watched.AddSeconds(2));
        }

        return watched.AddSeconds(4);
    }

    private static void AddDistinct(List<int> list, int value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    /// <summary>Times are stored to the millisecond; the world is made at that precision so that it loads back unchanged.</summary>
    private static DateTime Milliseconds(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
