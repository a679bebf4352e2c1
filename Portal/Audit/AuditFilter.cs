namespace Portal.Audit;

/// <summary>Which audit rows to list or export. Every part is optional; times are UTC.</summary>
/// <param name="Actor">Part of the actor's name or email.</param>
/// <param name="Action">An action code (<see cref="AuditActions"/>), or an area such as "moderation" for all of its actions.</param>
/// <param name="Target">Part of the target ("video:12", "staff:").</param>
/// <param name="From">At or after this moment.</param>
/// <param name="To">At or before this moment.</param>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Target = null, DateTime? From = null, DateTime? To = null)
{
    public static AuditFilter None { get; } = new();

    /// <summary>The filter in words, for the export's own audit row.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            parts.Add($"actor contains \"{Actor.Trim()}\"");
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            parts.Add($"action {Action.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(Target))
        {
            parts.Add($"target contains \"{Target.Trim()}\"");
        }

        if (From is { } from)
        {
            parts.Add($"from {from:yyyy-MM-dd HH:mm} UTC");
        }

        if (To is { } to)
        {
            parts.Add($"to {to:yyyy-MM-dd HH:mm} UTC");
        }

        return parts.Count == 0 ? "all rows" : string.Join(", ", parts);
    }
}
