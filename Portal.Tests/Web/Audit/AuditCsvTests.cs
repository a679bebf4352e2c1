using Portal.Audit;

namespace Portal.Tests.Web.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("{\"status\":\"removed\",\"by\":\"x\"}", "\"{\"\"status\"\":\"\"removed\"\",\"\"by\"\":\"\"x\"\"}\"")]
    public void Field_Value_IsQuotedOnlyWhenItMustBe(string? value, string expected)
    {
        Assert.Equal(expected, AuditCsv.Field(value));
    }

    [Fact]
    public async Task Write_Rows_HeaderThenOneRecordEachWithCrLf()
    {
        var rows = new[]
        {
            new AuditEntry { Id = 1, At = new DateTime(2026, 5, 1, 12, 0, 0, 123, DateTimeKind.Utc), Actor = "ada@example.com", Action = AuditActions.SignedIn, PreviousHash = AuditHash.Genesis, Hash = "h1" },
            new AuditEntry { Id = 2, At = new DateTime(2026, 5, 1, 12, 1, 0, DateTimeKind.Utc), Actor = "ada@example.com", Action = AuditActions.ModerationApplied, Target = "video:7", Reason = "spam, obviously", After = "line one\nline two", ClientAddress = "10.0.0.1", PreviousHash = "h1", Hash = "h2" },
        };
        var writer = new StringWriter();

        var count = await AuditCsv.WriteAsync(writer, rows.ToAsyncEnumerable());

        Assert.Equal(2, count);
        Assert.Equal(
            "id,at_utc,actor,action,target,before,after,reason,client_address,previous_hash,hash\r\n"
            + $"1,2026-05-01T12:00:00.123Z,ada@example.com,staff.signed-in,,,,,,{AuditHash.Genesis},h1\r\n"
            + "2,2026-05-01T12:01:00.000Z,ada@example.com,moderation.action-applied,video:7,,\"line one\nline two\",\"spam, obviously\",10.0.0.1,h1,h2\r\n",
            writer.ToString());
    }
}
