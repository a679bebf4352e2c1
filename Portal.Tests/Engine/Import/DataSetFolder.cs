using System.Text;
using Portal.Engine.Primitives;

namespace Portal.Tests.Engine.Import;

/// <summary>A temporary folder that tests write data set files into; deleted on dispose.</summary>
public sealed class DataSetFolder : IDisposable
{
    public DataSetFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-tests", "data-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes the lines joined by '\n' with a final line break (UTF-8 without a byte-order mark unless told).</summary>
    public DataSetFolder Write(string name, IEnumerable<string> lines, Encoding? encoding = null)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), string.Join("\n", lines) + "\n", encoding ?? new UTF8Encoding(false));
        return this;
    }

    /// <summary>An ml-100k u.item line: the movie's genres are flags in the order of u.genre (index 0 is "unknown").</summary>
    public static string Ml100kItem(int id, string title, params int[] genres) =>
        $"{id}|{title}|01-Jan-1995||http://us.imdb.com/M/title-exact?{id}|" + string.Join("|", Enumerable.Range(0, 19).Select(g => genres.Contains(g) ? "1" : "0"));

    /// <summary>
    /// An ml-100k folder with planted structure: items in <paramref name="clusters"/> equal groups, each user belongs
    /// to one group and rates mostly its items (high ratings) and a few others weighted by a mild popularity (low
    /// ratings). Collaborative filtering should find the groups; popularity cannot.
    /// </summary>
    public DataSetFolder WritePlantedMl100k(int users = 150, int items = 200, int clusters = 5, int ratingsPerUser = 30, int seed = 3)
    {
        var random = new SeededRandom((ulong)seed);
        var popularity = Enumerable.Range(0, items).Select(_ => 1 + 2 * random.NextDouble()).ToArray();
        Write("u.item", Enumerable.Range(1, items).Select(i => Ml100kItem(i, $"Movie {i} ({1990 + i % 10})", 1 + (i - 1) % clusters)), Encoding.Latin1);
        var lines = new List<string>();
        for (var u = 1; u <= users; u++)
        {
            var cluster = u % clusters;
            var rated = new HashSet<int>();
            while (rated.Count < ratingsPerUser)
            {
                int item;
                if (random.Chance(0.8))
                {
                    item = cluster + clusters * random.Next(items / clusters);
                }
                else
                {
                    var total = popularity.Sum();
                    var pick = random.NextDouble() * total;
                    item = 0;
                    while (item < items - 1 && (pick -= popularity[item]) > 0)
                    {
                        item++;
                    }
                }

                if (rated.Add(item))
                {
                    var rating = item % clusters == cluster ? 4 + random.Next(2) : 1 + random.Next(3);
                    lines.Add($"{u}\t{item + 1}\t{rating}\t{880_000_000 + random.Next(5_000_000)}");
                }
            }
        }

        return Write("u.data", lines);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
