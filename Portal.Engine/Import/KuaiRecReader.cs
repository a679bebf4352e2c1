using Portal.Engine.Catalog;

namespace Portal.Engine.Import;

/// <summary>
/// Reads KuaiRec (Kuaishou's fully observed short-video log): PATH is the data folder (or the folder holding it in
/// <c>data/</c>, or one interaction file itself) with <c>big_matrix.csv</c> or <c>small_matrix.csv</c>
/// (<c>user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio</c>; a folder with both imports
/// the big one), <c>item_categories.csv</c> (<c>video_id,feat</c>, feat a list such as <c>[27, 9]</c>) and, when
/// present, <c>kuairec_caption_category.csv</c> (captions, topic tags and category names; captions may hold commas,
/// quotes and line breaks inside quotes).
/// The mapping: KuaiRec's ids start at 0 and the engine's are positive, so user and video ids are KuaiRec's + 1.
/// Each video of item_categories.csv is a video; its hashtags are <c>category-N</c> for each of its categories, then
/// its topic tags and its first-, second- and third-level category names (<see cref="HashtagNormalizer"/>; UNKNOWN
/// gives none); its caption is the caption, else the cover text, else "video N" (N KuaiRec's id); Chinese
/// (<c>zh</c>) when the caption holds CJK characters, else language-neutral; made in China; one creator and one
/// original sound of its own; its duration is the video_duration (ms) of its first row. Each row is an impression and
/// a watch of watch_ratio clamped to 0..1, plus a like when watch_ratio ≥ <see cref="LikeRatio"/> (watched twice
/// through) and a skip when it is below <see cref="SkipRatio"/>, at <c>timestamp</c> (else <c>time</c>, read as
/// Beijing time). Users are the viewers: Chinese, China, Android (KuaiRec does not say; Kuaishou is a phone app).
/// A row repeating a user, video and time already read is a duplicate and skipped; a later view is not.
/// </summary>
public sealed class KuaiRecReader : IDataSetReader
{
    public const double LikeRatio = 2.0;

    public const double SkipRatio = 0.25;

    private static readonly string[] MatrixColumns = ["user_id", "video_id", "play_duration", "video_duration", "time", "date", "timestamp", "watch_ratio"];
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public string Format => "kuairec";

    public string Description => "KuaiRec (big_matrix.csv or small_matrix.csv, item_categories.csv, kuairec_caption_category.csv)";

    public ImportedData Read(string path, Action<string>? log = null, CancellationToken ct = default)
    {
        var matrix = FindMatrix(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(matrix))!;
        var builder = new ImportedDataBuilder("kuairec", Path.GetFileNameWithoutExtension(matrix), "CN", "zh", DeviceType.Android);

        var categories = ReadCategories(Path.Combine(folder, "item_categories.csv"), builder, log, ct);
        var captionPath = Path.Combine(folder, "kuairec_caption_category.csv");
        var captions = File.Exists(captionPath) ? ReadCaptions(captionPath, categories, builder, log, ct) : [];
        foreach (var (id, feat) in categories)
        {
            builder.AddVideo(Video(id, feat, captions.GetValueOrDefault(id)));
        }

        log?.Invoke($"reading {Path.GetFileName(matrix)}");
        using (var file = DelimitedFile.Open(matrix, ',', quoted: true, builder.Problems))
        {
            file.ExpectHeader(MatrixColumns);
            var seen = new HashSet<(long, long)>();
            foreach (var row in file.Rows(MatrixColumns.Length, ct))
            {
                var f = row.Fields;
                if (!FieldParser.TryId(f[0], 0, out var user) || user == int.MaxValue)
                {
                    file.Problem(row, ImportProblemReason.InvalidId, $"user_id '{f[0]}' is not a whole number");
                    continue;
                }

                if (!FieldParser.TryId(f[1], 0, out var video) || video == int.MaxValue)
                {
                    file.Problem(row, ImportProblemReason.InvalidId, $"video_id '{f[1]}' is not a whole number");
                    continue;
                }

                if (!FieldParser.TryNumber(f[2], out var played) || played < 0 || !FieldParser.TryNumber(f[3], out var duration) || duration <= 0)
                {
                    file.Problem(row, ImportProblemReason.InvalidValue, $"play_duration '{f[2]}' or video_duration '{f[3]}' is not a number of milliseconds");
                    continue;
                }

                if (!FieldParser.TryNumber(f[7], out var ratio) || ratio < 0)
                {
                    file.Problem(row, ImportProblemReason.InvalidValue, $"watch_ratio '{f[7]}' is not a number of at least 0");
                    continue;
                }

                if (!FieldParser.TryFractionalUnixSeconds(f[6], out var atMs) && !FieldParser.TryLocalTime(f[4], Beijing, out atMs))
                {
                    file.Problem(row, ImportProblemReason.InvalidTime, $"neither timestamp '{f[6]}' nor time '{f[4]}' is a time");
                    continue;
                }

                if (!builder.HasVideo(video + 1))
                {
                    file.Problem(row, ImportProblemReason.UnknownItem, $"video {video} is not in item_categories.csv");
                    continue;
                }

                if (!seen.Add((((long)user << 32) | (uint)video, atMs)))
                {
                    file.Problem(row, ImportProblemReason.Duplicate, $"user {user} already watched video {video} at {f[6]}");
                    continue;
                }

                builder.SetDuration(video + 1, Math.Max(1, (int)Math.Round(duration / 1_000)));
                builder.AddInteraction(Interaction(user + 1, video + 1, ratio, atMs));
            }

            builder.AddFile(file.Name, file.RowCount);
            log?.Invoke($"{file.Name}: {file.RowCount:N0} rows");
        }

        return builder.Build();
    }

    /// <summary>The mapping of one view: a watch of the ratio clamped to 0..1, a like from <see cref="LikeRatio"/>, a skip below <see cref="SkipRatio"/>.</summary>
    public static ImportedInteraction Interaction(long user, int video, double watchRatio, long atMs) =>
        new(user, video, (float)Math.Clamp(watchRatio, 0, 1), Like: watchRatio >= LikeRatio, Skip: watchRatio < SkipRatio, atMs);

    private static string FindMatrix(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        foreach (var folder in new[] { path, Path.Combine(path, "data") })
        {
            foreach (var name in new[] { "big_matrix.csv", "small_matrix.csv" })
            {
                if (File.Exists(Path.Combine(folder, name)))
                {
                    return Path.Combine(folder, name);
                }
            }
        }

        throw new ImportFileException(path, $"No KuaiRec interaction file in {path}: expected big_matrix.csv or small_matrix.csv ({string.Join(',', MatrixColumns)}) with item_categories.csv beside it.");
    }

    private static SortedDictionary<int, int[]> ReadCategories(string path, ImportedDataBuilder builder, Action<string>? log, CancellationToken ct)
    {
        log?.Invoke("reading item_categories.csv");
        var categories = new SortedDictionary<int, int[]>();
        using var file = DelimitedFile.Open(path, ',', quoted: true, builder.Problems);
        file.ExpectHeader("video_id", "feat");
        foreach (var row in file.Rows(2, ct))
        {
            var f = row.Fields;
            if (!FieldParser.TryId(f[0], 0, out var id) || id == int.MaxValue)
            {
                file.Problem(row, ImportProblemReason.InvalidId, $"video_id '{f[0]}' is not a whole number");
                continue;
            }

            var feat = new List<int>();
            var bad = false;
            foreach (var part in List(f[1]))
            {
                if (FieldParser.TryId(part, 0, out var category))
                {
                    feat.Add(category);
                }
                else
                {
                    bad = true;
                }
            }

            if (bad)
            {
                file.Problem(row, ImportProblemReason.InvalidValue, $"feat '{f[1]}' is not a list of category numbers such as [27, 9]");
                continue;
            }

            if (!categories.TryAdd(id + 1, [.. feat]))
            {
                file.Problem(row, ImportProblemReason.Duplicate, $"video {id} is listed twice");
            }
        }

        builder.AddFile(file.Name, file.RowCount);
        log?.Invoke($"item_categories.csv: {file.RowCount:N0} rows, {categories.Count:N0} videos");
        return categories;
    }

    private static Dictionary<int, (string? Caption, List<string> Tags)> ReadCaptions(string path, SortedDictionary<int, int[]> categories, ImportedDataBuilder builder, Action<string>? log, CancellationToken ct)
    {
        log?.Invoke("reading kuairec_caption_category.csv");
        var captions = new Dictionary<int, (string? Caption, List<string> Tags)>();
        using var file = DelimitedFile.Open(path, ',', quoted: true, builder.Problems);
        var (columns, count) = file.ReadHeader(["video_id", "caption"], "video_id, manual_cover_text, caption, topic_tag and category columns");
        int? Column(string name) => columns.TryGetValue(name, out var index) ? index : null;
        var (idColumn, captionColumn, cover, topic) = (columns["video_id"], columns["caption"], Column("manual_cover_text"), Column("topic_tag"));
        int?[] names = [Column("first_level_category_name"), Column("second_level_category_name"), Column("third_level_category_name")];
        foreach (var row in file.Rows(count, ct))
        {
            var f = row.Fields;
            if (!FieldParser.TryId(f[idColumn], 0, out var id) || id == int.MaxValue)
            {
                file.Problem(row, ImportProblemReason.InvalidId, $"video_id '{f[idColumn]}' is not a whole number");
                continue;
            }

            if (!categories.ContainsKey(id + 1))
            {
                file.Problem(row, ImportProblemReason.UnknownItem, $"video {id} is not in item_categories.csv");
                continue;
            }

            if (captions.ContainsKey(id + 1))
            {
                file.Problem(row, ImportProblemReason.Duplicate, $"video {id} is listed twice");
                continue;
            }

            var caption = Known(f[captionColumn]) ?? (cover is { } c ? Known(f[c]) : null);
            var tags = new List<string>();
            if (topic is { } t)
            {
                tags.AddRange(List(f[t]).Select(x => x.Trim('\'', '"', ' ')).Where(x => Known(x) is not null));
            }

            tags.AddRange(names.Where(n => n is not null).Select(n => f[n!.Value]).Where(x => Known(x) is not null));
            captions[id + 1] = (caption, tags);
        }

        builder.AddFile(file.Name, file.RowCount);
        log?.Invoke($"kuairec_caption_category.csv: {file.RowCount:N0} rows");
        return captions;
    }

    private static ImportedVideo Video(int id, int[] categories, (string? Caption, List<string> Tags) text)
    {
        var caption = text.Caption ?? $"video {id - 1}";
        var tags = categories.Select(c => $"category-{c}").Concat(text.Tags ?? []).ToList();
        return new ImportedVideo(
            id,
            caption,
            Language: HasCjk(text.Caption) ? "zh" : null,
            DurationSeconds: 0,
            tags,
            CreatorHandle: $"kuairec-{id - 1}",
            CreatorName: $"KuaiRec video {id - 1}",
            SoundTitle: $"Original sound of KuaiRec video {id - 1}",
            SoundArtist: "KuaiRec",
            OriginalSound: true);
    }

    /// <summary>The items of a list written as <c>[a, b]</c> (brackets optional); an empty list has none.</summary>
    private static IEnumerable<string> List(string text) =>
        text.Trim().TrimStart('[').TrimEnd(']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The text, or null when it is empty or one of KuaiRec's placeholders for "none".</summary>
    private static string? Known(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("nan", StringComparison.OrdinalIgnoreCase)
            ? null
            : trimmed;
    }

    private static bool HasCjk(string? text) =>
        text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');
}
