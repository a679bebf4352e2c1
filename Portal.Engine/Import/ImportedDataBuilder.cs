using Portal.Engine.Catalog;
using Portal.Engine.Storage;

namespace Portal.Engine.Import;

/// <summary>
/// Collects what a reader parsed and builds the <see cref="ImportedData"/>: one creator and one sound per video
/// (the data sets have neither, and one per video keeps the diversity rules meaningful), hashtag ids in order of
/// first use, users from the interactions, and times of creation from the first interaction.
/// </summary>
internal sealed class ImportedDataBuilder(string format, string layout, string country, string userLanguage, DeviceType device)
{
    private const int MaxCaption = 2_200;
    private const int MaxName = 128;
    private const int MaxSoundTitle = 200;

    private readonly Dictionary<int, ImportedVideo> _videos = [];
    private readonly Dictionary<int, int> _durations = [];
    private readonly List<ImportedInteraction> _interactions = [];
    private readonly List<ImportedFile> _files = [];

    public ImportProblemLog Problems { get; } = new();

    public int VideoCount => _videos.Count;

    public bool HasVideo(int id) => _videos.ContainsKey(id);

    public void AddFile(string name, long rows) => _files.Add(new ImportedFile(name, rows));

    public void AddVideo(ImportedVideo video) => _videos.Add(video.Id, video);

    /// <summary>Sets a video's duration unless it already has one.</summary>
    public void SetDuration(int video, int seconds) => _durations.TryAdd(video, seconds);

    public void AddInteraction(ImportedInteraction interaction) => _interactions.Add(interaction);

    public ImportedData Build()
    {
        var interactions = _interactions.ToArray();
        Array.Sort(interactions, (a, b) =>
        {
            var byTime = a.AtMs.CompareTo(b.AtMs);
            if (byTime != 0)
            {
                return byTime;
            }

            var byUser = a.User.CompareTo(b.User);
            return byUser != 0 ? byUser : a.Video.CompareTo(b.Video);
        });

        var firstAt = new Dictionary<int, long>();
        var users = new Dictionary<long, long>();
        foreach (var i in interactions)
        {
            firstAt.TryAdd(i.Video, i.AtMs);
            users.TryAdd(i.User, i.AtMs);
        }

        var earliest = interactions.Length > 0 ? interactions[0].AtMs : 0;
        var hashtagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var hashtags = new List<Hashtag>();
        var creators = new List<Creator>(_videos.Count);
        var sounds = new List<Sound>(_videos.Count);
        var videos = new List<Video>(_videos.Count);
        foreach (var item in _videos.Values.OrderBy(v => v.Id))
        {
            var created = UtcDateTimeConverter.FromUnixMilliseconds(firstAt.GetValueOrDefault(item.Id, earliest));
            creators.Add(new Creator
            {
                Id = item.Id,
                Handle = Shorten(item.CreatorHandle, 64),
                DisplayName = Shorten(item.CreatorName, MaxName),
                Country = country,
                CreatedAt = created,
                Status = CreatorStatus.Active,
            });
            sounds.Add(new Sound
            {
                Id = item.Id,
                Title = Shorten(item.SoundTitle, MaxSoundTitle),
                Artist = Shorten(item.SoundArtist, MaxSoundTitle),
                IsOriginal = item.OriginalSound,
                CreatedAt = created,
                Status = SoundStatus.Active,
            });

            var video = new Video
            {
                Id = item.Id,
                CreatorId = item.Id,
                SoundId = item.Id,
                Caption = Shorten(item.Caption, MaxCaption),
                Language = item.Language,
                OriginCountry = country,
                DurationSeconds = _durations.GetValueOrDefault(item.Id, item.DurationSeconds),
                CreatedAt = created,
                Moderation = ModerationStatus.Visible,
            };
            foreach (var raw in item.Tags)
            {
                if (HashtagNormalizer.Normalize(raw) is not { } tag)
                {
                    continue;
                }

                if (!hashtagIds.TryGetValue(tag, out var id))
                {
                    hashtagIds[tag] = id = hashtags.Count + 1;
                    hashtags.Add(new Hashtag { Id = id, Tag = tag });
                }

                if (video.Hashtags.All(h => h.HashtagId != id))
                {
                    video.Hashtags.Add(new VideoHashtag { VideoId = item.Id, HashtagId = id, Position = video.Hashtags.Count });
                }
            }

            videos.Add(video);
        }

        var appUsers = users.OrderBy(u => u.Key).Select(u => new AppUser
        {
            Id = u.Key,
            Language = userLanguage,
            Country = country,
            Device = device,
            CreatedAt = UtcDateTimeConverter.FromUnixMilliseconds(u.Value),
            Personalized = true,
        }).ToList();

        return new ImportedData(format, layout, [.. _files], creators, sounds, hashtags, videos, appUsers, interactions, device, Problems);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
