using System.Text;
using Portal.Engine.Catalog;

namespace Portal.Engine.Import;

/// <summary>
/// Reads a MovieLens folder, in either layout:
/// <list type="bullet">
/// <item><b>ml-100k</b> (the folder holds <c>u.data</c>): <c>u.item</c> (Latin-1, <c>|</c>-separated: movie id, title,
/// release date, video release date, IMDb URL, 19 genre flags in the order of <c>u.genre</c>) and <c>u.data</c>
/// (tab-separated: user id, item id, rating, Unix time; a header line, which some copies carry, is skipped).</item>
/// <item><b>ml-latest-small</b> and the other current releases (the folder holds <c>ratings.csv</c>): <c>movies.csv</c>
/// (<c>movieId,title,genres</c>, genres separated by <c>|</c>), <c>ratings.csv</c> (<c>userId,movieId,rating,timestamp</c>)
/// and, when present, <c>tags.csv</c> (<c>userId,movieId,tag,timestamp</c>).</item>
/// </list>
/// The mapping: each movie is a video whose caption is its title; its genres, then up to
/// <see cref="MaxTagsPerMovie"/> of the tags users gave it most often, are its hashtags (<see cref="HashtagNormalizer"/>;
/// "unknown" and "(no genres listed)" give none); language-neutral; made in the US; one creator and one sound of its
/// own; no duration (0). Each rating (0.5 to 5) is an impression and a watch of rating / 5, plus a like when the rating
/// is 4 or more and a skip when it is 2 or less, all at the rating's time. Users are the raters: English, US, web.
/// A second rating of the same movie by the same user is a duplicate and skipped.
/// </summary>
public sealed class MovieLensReader : IDataSetReader
{
    public const int MaxTagsPerMovie = 8;

    /// <summary>The genres of ml-100k's 19 flags, in the order of <c>u.genre</c>.</summary>
    public static readonly IReadOnlyList<string> Ml100kGenres =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    public string Format => "movielens";

    public string Description => "MovieLens ml-100k (u.data, u.item) or ml-latest-small (ratings.csv, movies.csv, tags.csv)";

    public ImportedData Read(string path, Action<string>? log = null, CancellationToken ct = default)
    {
        if (File.Exists(Path.Combine(path, "u.data")))
        {
            return ReadMl100k(path, log, ct);
        }

        if (File.Exists(Path.Combine(path, "ratings.csv")))
        {
            return ReadMlLatest(path, log, ct);
        }

        throw new ImportFileException(path, $"No MovieLens files in {path}: expected u.data and u.item (ml-100k) or ratings.csv and movies.csv (ml-latest-small).");
    }

    private static ImportedDataBuilder NewBuilder(string layout) => new("movielens", layout, "US", "en", DeviceType.Web);

    private static ImportedData ReadMl100k(string folder, Action<string>? log, CancellationToken ct)
    {
        var builder = NewBuilder("ml-100k");
        log?.Invoke("reading u.item");
        using (var items = DelimitedFile.Open(Path.Combine(folder, "u.item"), '|', quoted: false, builder.Problems, Encoding.Latin1))
        {
            const int columns = 5 + 19;
            items.ExpectFirstRow(columns, "movie id|title|release date|video release date|IMDb URL|19 genre flags");
            foreach (var row in items.Rows(columns, ct))
            {
                var f = row.Fields;
                if (!FieldParser.TryId(f[0], 1, out var id))
                {
                    items.Problem(row, ImportProblemReason.InvalidId, $"movie id '{f[0]}' is not a positive whole number");
                    continue;
                }

                var genres = new List<string>();
                var badFlag = -1;
                for (var g = 0; g < 19; g++)
                {
                    var flag = f[5 + g].Trim();
                    if (flag == "1")
                    {
                        genres.Add(Ml100kGenres[g]);
                    }
                    else if (flag != "0")
                    {
                        badFlag = g;
                        break;
                    }
                }

                if (badFlag >= 0)
                {
                    items.Problem(row, ImportProblemReason.InvalidValue, $"genre flag {badFlag + 1} ({Ml100kGenres[badFlag]}) of movie {id} is '{f[5 + badFlag]}', not 0 or 1");
                    continue;
                }

                if (builder.HasVideo(id))
                {
                    items.Problem(row, ImportProblemReason.Duplicate, $"movie {id} is listed twice");
                    continue;
                }

                builder.AddVideo(Movie(id, f[1], genres.Where(g => g != "unknown").ToList()));
            }

            builder.AddFile(items.Name, items.RowCount);
            log?.Invoke($"u.item: {items.RowCount:N0} rows, {builder.VideoCount:N0} movies");
        }

        log?.Invoke("reading u.data");
        using (var ratings = DelimitedFile.Open(Path.Combine(folder, "u.data"), '\t', quoted: false, builder.Problems))
        {
            ratings.ExpectFirstRow(4, "user id, item id, rating, Unix time");
            ReadRatings(ratings, "u.item", builder, ct);
            builder.AddFile(ratings.Name, ratings.RowCount);
            log?.Invoke($"u.data: {ratings.RowCount:N0} rows");
        }

        return builder.Build();
    }

    private static ImportedData ReadMlLatest(string folder, Action<string>? log, CancellationToken ct)
    {
        var builder = NewBuilder("ml-latest");
        var movies = new Dictionary<int, (string Title, List<string> Genres)>();
        log?.Invoke("reading movies.csv");
        using (var file = DelimitedFile.Open(Path.Combine(folder, "movies.csv"), ',', quoted: true, builder.Problems))
        {
            file.ExpectHeader("movieId", "title", "genres");
            foreach (var row in file.Rows(3, ct))
            {
                var f = row.Fields;
                if (!FieldParser.TryId(f[0], 1, out var id))
                {
                    file.Problem(row, ImportProblemReason.InvalidId, $"movie id '{f[0]}' is not a positive whole number");
                    continue;
                }

                if (movies.ContainsKey(id))
                {
                    file.Problem(row, ImportProblemReason.Duplicate, $"movie {id} is listed twice");
                    continue;
                }

                var genres = f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(g => !g.Equals("(no genres listed)", StringComparison.OrdinalIgnoreCase))
                    .ToList();
                movies[id] = (f[1], genres);
            }

            builder.AddFile(file.Name, file.RowCount);
            log?.Invoke($"movies.csv: {file.RowCount:N0} rows, {movies.Count:N0} movies");
        }

        var tags = new Dictionary<int, Dictionary<string, int>>();
        var tagsPath = Path.Combine(folder, "tags.csv");
        if (File.Exists(tagsPath))
        {
            log?.Invoke("reading tags.csv");
            using var file = DelimitedFile.Open(tagsPath, ',', quoted: true, builder.Problems);
            file.ExpectHeader("userId", "movieId", "tag", "timestamp");
            foreach (var row in file.Rows(4, ct))
            {
                var f = row.Fields;
                if (!FieldParser.TryId(f[0], 1, out _) || !FieldParser.TryId(f[1], 1, out var movie))
                {
                    file.Problem(row, ImportProblemReason.InvalidId, $"user id '{f[0]}' or movie id '{f[1]}' is not a positive whole number");
                    continue;
                }

                if (!FieldParser.TryUnixSeconds(f[3], out _))
                {
                    file.Problem(row, ImportProblemReason.InvalidTime, $"timestamp '{f[3]}' is not Unix seconds");
                    continue;
                }

                if (!movies.ContainsKey(movie))
                {
                    file.Problem(row, ImportProblemReason.UnknownItem, $"movie {movie} is not in movies.csv");
                    continue;
                }

                if (HashtagNormalizer.Normalize(f[2]) is not { } tag)
                {
                    file.Problem(row, ImportProblemReason.InvalidValue, $"tag '{f[2]}' has no letters or digits");
                    continue;
                }

                if (!tags.TryGetValue(movie, out var counts))
                {
                    tags[movie] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                counts[tag] = counts.GetValueOrDefault(tag) + 1;
            }

            builder.AddFile(file.Name, file.RowCount);
            log?.Invoke($"tags.csv: {file.RowCount:N0} rows");
        }

        foreach (var (id, (title, genres)) in movies)
        {
            // Most used tags first; a dictionary keeps insertion order, so ties keep the order tags first appeared in.
            var movieTags = tags.TryGetValue(id, out var counts)
                ? counts.Select((c, order) => (c.Key, c.Value, order)).OrderByDescending(c => c.Value).ThenBy(c => c.order).Take(MaxTagsPerMovie).Select(c => c.Key)
                : [];
            builder.AddVideo(Movie(id, title, [.. genres, .. movieTags]));
        }

        log?.Invoke("reading ratings.csv");
        using (var file = DelimitedFile.Open(Path.Combine(folder, "ratings.csv"), ',', quoted: true, builder.Problems))
        {
            file.ExpectHeader("userId", "movieId", "rating", "timestamp");
            ReadRatings(file, "movies.csv", builder, ct);
            builder.AddFile(file.Name, file.RowCount);
            log?.Invoke($"ratings.csv: {file.RowCount:N0} rows");
        }

        return builder.Build();
    }

    /// <summary>Rows of user, movie, rating, Unix seconds, in either layout.</summary>
    private static void ReadRatings(DelimitedFile file, string itemFile, ImportedDataBuilder builder, CancellationToken ct)
    {
        var seen = new HashSet<long>();
        foreach (var row in file.Rows(4, ct))
        {
            var f = row.Fields;
            if (!FieldParser.TryId(f[0], 1, out var user))
            {
                file.Problem(row, ImportProblemReason.InvalidId, $"user id '{f[0]}' is not a positive whole number");
                continue;
            }

            if (!FieldParser.TryId(f[1], 1, out var movie))
            {
                file.Problem(row, ImportProblemReason.InvalidId, $"movie id '{f[1]}' is not a positive whole number");
                continue;
            }

            if (!FieldParser.TryNumber(f[2], out var rating) || rating < 0.5 || rating > 5 || Math.Abs(rating * 2 - Math.Round(rating * 2)) > 1e-9)
            {
                file.Problem(row, ImportProblemReason.InvalidValue, $"rating '{f[2]}' is not one of 0.5, 1, ..., 5");
                continue;
            }

            if (!FieldParser.TryUnixSeconds(f[3], out var atMs))
            {
                file.Problem(row, ImportProblemReason.InvalidTime, $"timestamp '{f[3]}' is not Unix seconds");
                continue;
            }

            if (!builder.HasVideo(movie))
            {
                file.Problem(row, ImportProblemReason.UnknownItem, $"movie {movie} is not in {itemFile}");
                continue;
            }

            if (!seen.Add(((long)user << 32) | (uint)movie))
            {
                file.Problem(row, ImportProblemReason.Duplicate, $"user {user} already rated movie {movie}");
                continue;
            }

            builder.AddInteraction(Interaction(user, movie, rating, atMs));
        }
    }

    /// <summary>The mapping of one rating: a watch of rating / 5, a like from 4, a skip up to 2.</summary>
    public static ImportedInteraction Interaction(long user, int movie, double rating, long atMs) =>
        new(user, movie, (float)(rating / 5), Like: rating >= 4, Skip: rating <= 2, atMs);

    private static ImportedVideo Movie(int id, string title, IReadOnlyList<string> tags)
    {
        var caption = string.IsNullOrWhiteSpace(title) ? $"movie {id}" : title.Trim();
        return new ImportedVideo(
            id,
            caption,
            Language: null,
            DurationSeconds: 0,
            tags,
            CreatorHandle: $"movielens-{id}",
            CreatorName: $"MovieLens movie {id}",
            SoundTitle: $"Soundtrack of {caption}",
            SoundArtist: "MovieLens",
            OriginalSound: false);
    }
}
