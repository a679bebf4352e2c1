using Portal.Engine.Catalog;
using Portal.Engine.Import;

namespace Portal.Tests.Engine.Import;

public sealed class KuaiRecReaderTests : IDisposable
{
    private const string Header = "user_id,video_id,play_duration,video_duration,time,date,timestamp,watch_ratio";
    private readonly DataSetFolder _folder = new();
    private readonly KuaiRecReader _reader = new();

    public KuaiRecReaderTests() =>
        _folder.Write("item_categories.csv", ["video_id,feat", "0,[8]", "1,\"[27, 9]\"", "2,[]"])
            .Write("kuairec_caption_category.csv",
            [
                "video_id,manual_cover_text,caption,topic_tag,first_level_category_id,first_level_category_name,second_level_category_id,second_level_category_name,third_level_category_id,third_level_category_name",
                "0,UNKNOWN,\"精彩, \"\"视频\"\"",
                "第二行\",[美食],8,生活,673,UNKNOWN,-124,UNKNOWN",
                "1,cover text,UNKNOWN,[],27,High Tech,124,Sub,9,Leaf",
                "2,UNKNOWN,,[],-124,UNKNOWN,-124,UNKNOWN,-124,UNKNOWN",
            ]);

    [Fact]
    public void Read_SmallMatrix_MapsVideosViewsAndUsers()
    {
        _folder.Write("small_matrix.csv",
        [
            Header,
            "0,0,13838,10867,2020-07-05 05:27:48.378,20200705,1593898068.378,1.273397",
            "0,1,25000,10000,2020-07-05 05:28:00.000,20200705,1593898080.0,2.5",
            "1,0,1000,10867,,20200705,1593898100.5,0.092",
            "1,2,500,8000,2020-07-05 06:00:00.000,20200705,,0.0625",
        ]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal("small_matrix", data.Layout);
        Assert.Equal(["item_categories.csv", "kuairec_caption_category.csv", "small_matrix.csv"], data.Files.Select(f => f.Name));
        Assert.Equal([1, 2, 3], data.Videos.Select(v => v.Id));
        Assert.Equal("精彩, \"视频\"\n第二行", data.Videos[0].Caption);
        Assert.Equal("zh", data.Videos[0].Language);
        Assert.Equal(["category-8", "美食", "生活"], Tags(data, 1));
        Assert.Equal("cover text", data.Videos[1].Caption);
        Assert.Null(data.Videos[1].Language);
        Assert.Equal(["category-27", "category-9", "high-tech", "sub", "leaf"], Tags(data, 2));
        Assert.Equal("video 2", data.Videos[2].Caption);
        Assert.Empty(Tags(data, 3));
        Assert.Equal([11, 10, 8], data.Videos.Select(v => v.DurationSeconds));
        Assert.All(data.Videos, v => Assert.Equal("CN", v.OriginCountry));

        Assert.Equal([1L, 2L], data.Users.Select(u => u.Id));
        Assert.All(data.Users, u => Assert.Equal(("zh", "CN", DeviceType.Android), (u.Language, u.Country, u.Device)));
        Assert.Equal(DeviceType.Android, data.Device);

        var full = data.Interactions.Single(i => i.User == 1 && i.Video == 1);
        Assert.Equal((1f, false, false, 1_593_898_068_378L), (full.WatchFraction, full.Like, full.Skip, full.AtMs));
        var twice = data.Interactions.Single(i => i.User == 1 && i.Video == 2);
        Assert.Equal((1f, true, false), (twice.WatchFraction, twice.Like, twice.Skip));
        var glance = data.Interactions.Single(i => i.User == 2 && i.Video == 1);
        Assert.Equal((0.092f, false, true), (glance.WatchFraction, glance.Like, glance.Skip));
        var beijing = data.Interactions.Single(i => i.User == 2 && i.Video == 3);
        Assert.Equal(new DateTimeOffset(2020, 7, 4, 22, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), beijing.AtMs);
        Assert.Equal(0, data.Problems.Total);
    }

    [Fact]
    public void Read_MatrixWithBadRows_SkipsAndReportsEachWithItsLine()
    {
        _folder.Write("big_matrix.csv",
        [
            Header,
            "0,0,13838,10867,2020-07-05 05:27:48.378,20200705,1593898068.378,1.273397",
            "1,5,500,8000,,20200705,1593898200,0.5",
            "x,0,500,8000,,20200705,1593898200,0.5",
            "1,0,abc,10867,,20200705,1593898200,0.5",
            "1,1,500,8000,,20200705,,0.5",
            "0,0,13838,10867,2020-07-05 05:27:48.378,20200705,1593898068.378,1.273397",
            "0,0,100,10867,,20200705,1593898300",
            "0,0,100,10867,,20200705,1593898300,0.01",
        ]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal("big_matrix", data.Layout);
        Assert.Equal(2, data.Interactions.Count);
        Assert.Equal(
        [
            (3, ImportProblemReason.UnknownItem),
            (4, ImportProblemReason.InvalidId),
            (5, ImportProblemReason.InvalidValue),
            (6, ImportProblemReason.InvalidTime),
            (7, ImportProblemReason.Duplicate),
            (8, ImportProblemReason.WrongColumnCount),
        ], data.Problems.First.Select(p => (p.Line, p.Reason)));
        Assert.All(data.Problems.First, p => Assert.Equal("big_matrix.csv", p.File));
    }

    [Fact]
    public void Read_CaptionRowsAfterAMultiLineCaption_KeepTheirLineNumbers()
    {
        _folder.Write("kuairec_caption_category.csv",
            [
                "video_id,manual_cover_text,caption,topic_tag,first_level_category_id,first_level_category_name,second_level_category_id,second_level_category_name,third_level_category_id,third_level_category_name",
                "0,UNKNOWN,\"one",
                "two",
                "three\",[],8,A,1,B,2,C",
                "77,UNKNOWN,caption,[],8,A,1,B,2,C",
            ])
            .Write("small_matrix.csv", [Header]);

        var data = _reader.Read(_folder.Path);

        Assert.Equal("one\ntwo\nthree", data.Videos[0].Caption);
        var problem = Assert.Single(data.Problems.First);
        Assert.Equal(("kuairec_caption_category.csv", 5, ImportProblemReason.UnknownItem), (problem.File, problem.Line, problem.Reason));
    }

    [Fact]
    public void Read_MatrixWithAWrongHeader_FailsNamingTheFileAndTheExpectedHeader()
    {
        _folder.Write("small_matrix.csv", ["user_id\tvideo_id\twatch_ratio", "0\t0\t1.0"]);

        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Equal("small_matrix.csv", error.File);
        Assert.Contains($"expected the header '{Header}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("separated by tabs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutAMatrix_SaysWhichFilesAreExpected()
    {
        var error = Assert.Throws<ImportFileException>(() => _reader.Read(_folder.Path));

        Assert.Contains("expected big_matrix.csv or small_matrix.csv", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Tags(ImportedData data, int video)
    {
        var tags = data.Hashtags.ToDictionary(h => h.Id, h => h.Tag);
        return data.Videos.Single(v => v.Id == video).Hashtags.OrderBy(h => h.Position).Select(h => tags[h.HashtagId]).ToList();
    }

    public void Dispose() => _folder.Dispose();
}
