using System.Globalization;

namespace Portal.Audit;

/// <summary>
/// Writes audit rows as CSV (RFC 4180): a header line, one line per row, CRLF line ends, and a field in double quotes
/// (with its quotes doubled) whenever it holds a comma, a quote, a line break or leading or trailing spaces.
/// Values are written as stored, so the hashes in the file can be checked again.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["id", "at_utc", "actor", "action", "target", "before", "after", "reason", "client_address", "previous_hash", "hash"];

    public static async Task<long> WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        await writer.WriteAsync(Line(Header));
        long count = 0;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(
            [
                entry.Id.ToString(CultureInfo.InvariantCulture),
                entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                entry.Actor,
                entry.Action,
                entry.Target,
                entry.Before,
                entry.After,
                entry.Reason,
                entry.ClientAddress,
                entry.PreviousHash,
                entry.Hash,
            ]));
            if (++count % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return count;
    }

    public static string Line(IReadOnlyList<string?> fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
