using Portal.Engine.Import;

namespace Portal.Tests.Engine.Import;

public sealed class DelimitedReaderTests
{
    private static List<DelimitedRecord> Read(string text, char delimiter = ',', bool quoted = true)
    {
        using var reader = new DelimitedReader(new StringReader(text), delimiter, quoted);
        return reader.Records().ToList();
    }

    [Fact]
    public void Records_QuotedFieldsWithDelimitersQuotesAndLineBreaks_KeepTheirTextAndStartingLines()
    {
        var records = Read("id,caption\n1,\"a, b\"\n2,\"say \"\"hi\"\"\nand bye\"\r\n3,plain\n");

        Assert.Equal(4, records.Count);
        Assert.Equal(["1", "a, b"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["2", "say \"hi\"\nand bye"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["3", "plain"], records[3].Fields);
        Assert.Equal(5, records[3].Line);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Records_NoFinalLineBreak_ReadsTheLastRecord()
    {
        var records = Read("a,b\n1,2");

        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2"], records[1].Fields);
    }

    [Fact]
    public void Records_BlankLineAndEmptyFields_AreKept()
    {
        var records = Read("a,,c\n\n,\"\",\n");

        Assert.Equal(["a", "", "c"], records[0].Fields);
        Assert.True(records[1].IsBlank);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["", "", ""], records[2].Fields);
        Assert.False(records[2].IsBlank);
    }

    [Fact]
    public void Records_UnclosedQuote_GivesOneRecordWithAnErrorNamingItsLine()
    {
        var records = Read("1,ok\n2,\"never closed\n3,lost\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(2, records[1].Line);
        Assert.Contains("line 2", records[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_Unquoted_TakesQuotesLiterally()
    {
        var records = Read("1|\"Quoted\" Title|x\n", '|', quoted: false);

        Assert.Equal(["1", "\"Quoted\" Title", "x"], records[0].Fields);
    }
}
