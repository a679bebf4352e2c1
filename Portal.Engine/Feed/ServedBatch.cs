namespace Portal.Engine.Feed;

/// <summary>
/// One row of the served log: a batch as it was built, with everything needed to explain and replay it.
/// </summary>
public sealed class ServedBatch
{
    public long Id { get; set; }

    public Guid RequestId { get; set; }

    public long UserId { get; set; }

    /// <summary>1 for the user's first served batch; previews carry the number the next served batch would have.</summary>
    public int BatchNumber { get; set; }

    public DateTime At { get; set; }

    public FeedMode Mode { get; set; }

    public bool ColdStart { get; set; }

    /// <summary>The request context as JSON: device, country, language, personalised.</summary>
    public string ContextJson { get; set; } = "{}";

    public int RulesVersion { get; set; }

    public string ModelVersion { get; set; } = "";

    /// <summary>The last event included in the engagement statistics the batch used.</summary>
    public long EventWatermark { get; set; }

    /// <summary>The last of the user's events applied to their state when the batch was built.</summary>
    public long UserEventWatermark { get; set; }

    /// <summary>Served video ids in position order, comma-separated (for rebuilding the seen set fast).</summary>
    public string VideoIds { get; set; } = "";

    /// <summary>Rules relaxed to fill the batch, comma-separated; empty when none.</summary>
    public string Relaxed { get; set; } = "";

    /// <summary>The items with positions, sources, features, scores and rule effects, as JSON.</summary>
    public string ItemsJson { get; set; } = "[]";

    /// <summary>Who asked, for previews and sandboxes (a staff member); null for apps.</summary>
    public string? RequestedBy { get; set; }
}
