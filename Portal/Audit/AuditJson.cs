using System.Text.Encodings.Web;
using System.Text.Json;

namespace Portal.Audit;

/// <summary>How "before" and "after" states are written into the audit trail: compact JSON with camel-case names, readable characters left as they are.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
