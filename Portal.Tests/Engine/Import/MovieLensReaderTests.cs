using System.Text;
using Portal.Engine.Catalog;
using Portal.Engine.Import;

namespace Portal.Tests.Engine.Import;

public sealed class MovieLensReaderTests : IDisposable
{
    private readonly DataSetFolder _folder = new();
    private readonly MovieLensReader _reader = new();

    [Fact]
    public void Read_Ml100k_MapsMoviesRatingsAndUsers()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "Toy Story (1995)", 3, 4, 5), DataSetFolder.Ml100kItem(2, "Café Society (1995)", 0), DataSetFolder.Ml100kItem(3, "Se7en (1995)", 6, 16)], Encoding.Latin1)
            .Write("u.data", ["196\t1\t5\t881250949", "186\t1\t2\t891717742", "196\t3\t3\t881251000"]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal("ml-100k", data.Layout);
        Assert.Equal(["u.item", "u.data"], data.Files.Select(f => f.Name));
        Assert.Equal([3L, 3L], data.Files.Select(f => f.Rows));
        Assert.Equal(3, data.Videos.Count);
        Assert.Equal("Café Society (1995)", data.Videos[1].Caption);
        Assert.Equal(["animation", "childrens", "comedy"], Tags(data, 1));
        Assert.Equal(["crime", "thriller"], Tags(data, 3));
        Assert.Empty(Tags(data, 2));
        Assert.All(data.Videos, v => Assert.Null(v.Language));
        Assert.All(data.Videos, v => Assert.Equal("US", v.OriginCountry));
        Assert.Equal(data.Videos.Select(v => v.Id), data.Creators.Select(c => c.Id));
        Assert.Equal(data.Videos.Select(v => v.Id), data.Sounds.Select(s => s.Id));
        Assert.Equal(data.Videos.Select(v => v.Id), data.Videos.Select(v => v.CreatorId));

        Assert.Equal([186L, 196L], data.Users.Select(u => u.Id));
        Assert.All(data.Users, u => Assert.Equal(("en", "US", DeviceType.Web), (u.Language, u.Country, u.Device)));
        Assert.Equal(new DateTime(1997, 12, 4, 15, 55, 49, DateTimeKind.Utc), data.Users[1].CreatedAt);

        Assert.Equal(3, data.Interactions.Count);
        var five = data.Interactions.Single(i => i.User == 196 && i.Video == 1);
        Assert.Equal((1f, true, false, 881_250_949_000L), (five.WatchFraction, five.Like, five.Skip, five.AtMs));
        var two = data.Interactions.Single(i => i.User == 186);
        Assert.Equal((0.4f, false, true), (two.WatchFraction, two.Like, two.Skip));
        var three = data.Interactions.Single(i => i.Video == 3);
        Assert.Equal((0.6f, false, false), (three.WatchFraction, three.Like, three.Skip));
        Assert.Equal(3 * 2 + 1 + 1, data.EventCount);
        Assert.Equal(0, data.Problems.Total);
    }

    [Fact]
    public void Read_Ml100kWithBadRows_SkipsAndReportsEachWithItsLine()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1), DataSetFolder.Ml100kItem(2, "Two", 2), "3|Three|01-Jan-1995", DataSetFolder.Ml100kItem(1, "One again", 1)], Encoding.Latin1)
            .Write("u.data",
            [
                "1\t1\t5\t881250949",
                "1\t2\t4",
                "x\t2\t4\t881250949",
                "1\t2\t7\t881250949",
                "1\t2\t4\tyesterday",
                "1\t99\t4\t881250949",
                "1\t1\t3\t881250950",
                "",
                "2\t2\t2\t881250951",
            ]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal(2, data.Interactions.Count);
        Assert.Equal(2, data.Videos.Count);
        Assert.Equal(
        [
            ("u.item", 3, ImportProblemReason.WrongColumnCount),
            ("u.item", 4, ImportProblemReason.Duplicate),
            ("u.data", 2, ImportProblemReason.WrongColumnCount),
            ("u.data", 3, ImportProblemReason.InvalidId),
            ("u.data", 4, ImportProblemReason.InvalidValue),
            ("u.data", 5, ImportProblemReason.InvalidTime),
            ("u.data", 6, ImportProblemReason.UnknownItem),
            ("u.data", 7, ImportProblemReason.Duplicate),
            ("u.data", 8, ImportProblemReason.BlankLine),
        ], data.Problems.First.Select(p => (p.File, p.Line, p.Reason)));
        Assert.Equal(2, data.Problems.Totals[ImportProblemReason.Duplicate]);
        Assert.Equal(9, data.Problems.Total);
        Assert.Equal([4L, 9L], data.Files.Select(f => f.Rows));
        Assert.Contains("movie 99 is not in u.item", data.Problems.First[6].Detail, StringComparison.Ordinal);
        Assert.Equal("u.data:7: duplicate: user 1 already rated movie 1", data.Problems.First[7].ToString());
    }

    [Fact]
    public void Read_Ml100kWithAHeaderLine_SkipsTheHeader()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1)], Encoding.Latin1)
            .Write("u.data", ["user_id\titem_id\trating\ttimestamp", "1\t1\t5\t881250949"]);

        var data = _reader.Read(_folder.Path);

        Assert.Single(data.Interactions);
        Assert.Equal(0, data.Problems.Total);
        Assert.Equal(1, data.Files.Single(f => f.Name == "u.data").Rows);
    }

    [Fact]
    public void Read_CsvWhereUDataIsExpected_FailsNamingTheFileAndTheExpectedShape()
    {
        _folder.Write("u.item", [DataSetFolder.Ml100kItem(1, "One", 1)], Encoding.Latin1)
            .Write("u.data", ["1,1,5,881250949"]);

        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Equal("u.data", error.File);
        Assert.Contains("u.data: expected 4 columns separated by '\\t'", error.Message, StringComparison.Ordinal);
        Assert.Contains("separated by commas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Ml100kWithoutUItem_FailsNamingTheMissingFile()
    {
        _folder.Write("u.data", ["1\t1\t5\t881250949"]);

        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Equal("u.item", error.File);
        Assert.Contains("u.item is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutMovieLensFiles_SaysWhatWasExpected()
    {
        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Contains("expected u.data and u.item (ml-100k) or ratings.csv and movies.csv (ml-latest-small)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MlLatestSmall_ReadsQuotedTitlesHalfStarsAndTags()
    {
        _folder.Write("movies.csv",
            [
                "movieId,title,genres",
                "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy",
                "11,\"American President, The (1995)\",Comedy|Drama|Romance",
                "12,\"Dracula: Dead and Loving It (1995)\",(no genres listed)",
            ])
            .Write("ratings.csv", ["userId,movieId,rating,timestamp", "1,1,4.0,964982703", "1,11,2.5,964981247", "2,12,0.5,964982224", "2,1,5.5,964982224"])
            .Write("tags.csv", ["userId,movieId,tag,timestamp", "2,11,funny,1445714994", "3,11,Highly quotable,1445714996", "4,11,funny,1445714997", "2,404,funny,1445714998", "2,12,\"dark, hero\",1445714999"]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal("ml-latest", data.Layout);
        Assert.Equal(["movies.csv", "tags.csv", "ratings.csv"], data.Files.Select(f => f.Name));
        Assert.Equal("American President, The (1995)", data.Videos.Single(v => v.Id == 11).Caption);
        Assert.Equal(["comedy", "drama", "romance", "funny", "highly-quotable"], Tags(data, 11));
        Assert.Equal(["dark-hero"], Tags(data, 12));
        Assert.Equal(3, data.Interactions.Count);
        Assert.Equal(0.5f, data.Interactions.Single(i => i.Video == 11).WatchFraction);
        Assert.Equal(0.1f, data.Interactions.Single(i => i.Video == 12).WatchFraction);
        Assert.Equal(
            [("tags.csv", 5, ImportProblemReason.UnknownItem), ("ratings.csv", 5, ImportProblemReason.InvalidValue)],
            data.Problems.First.Select(p => (p.File, p.Line, p.Reason)));
    }

    [Fact]
    public void Read_RatingsCsvWithAWrongHeader_FailsNamingTheExpectedHeader()
    {
        _folder.Write("movies.csv", ["movieId,title,genres", "1,Toy Story (1995),Comedy"])
            .Write("ratings.csv", ["user;movie;rating;time", "1;1;4;964982703"]);

        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Equal("ratings.csv", error.File);
        Assert.Contains("expected the header 'userId,movieId,rating,timestamp' on line 1, found 'user;movie;rating;time'", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Tags(ImportedData data, int video)
    {
        var tags = data.Hashtags.ToDictionary(h => h.Id, h => h.Tag);
        return data.Videos.Single(v => v.Id == video).Hashtags.OrderBy(h => h.Position).Select(h => tags[h.HashtagId]).ToList();
    }

    public void Dispose() => _folder.Dispose();
}
