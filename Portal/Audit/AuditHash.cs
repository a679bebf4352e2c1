using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portal.Audit;

/// <summary>
/// The hash chain of the audit trail: each row's hash is SHA-256 over the previous row's hash and the row's canonical
/// content, a JSON array of its fields in a fixed order (id, time to the millisecond, actor, action, target, before,
/// after, reason, client address). JSON escaping keeps any text from being mistaken for a field boundary.
/// </summary>
public static class AuditHash
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    public static string Compute(string previousHash, AuditEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(previousHash + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Canonical(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(entry.Id);
            json.WriteStringValue(entry.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.Actor);
            json.WriteStringValue(entry.Action);
            WriteNullable(json, entry.Target);
            WriteNullable(json, entry.Before);
            WriteNullable(json, entry.After);
            WriteNullable(json, entry.Reason);
            WriteNullable(json, entry.ClientAddress);
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
