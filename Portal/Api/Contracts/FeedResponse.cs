using System.Text.Json.Serialization;

namespace Portal.Api.Contracts;

/// <summary>The next batch of a user's feed: usually 8 videos, in the order to show them.</summary>
/// <param name="RequestId">Identifies this batch in the served log.</param>
/// <param name="Batch">How many batches the user has been served, this one included.</param>
/// <param name="ColdStart">True for a first batch: popular videos across different topics, sounds and creators.</param>
/// <param name="RulesVersion">The version of the diversity rules the batch was built with.</param>
/// <param name="ModelVersion">The version of the recommender model the batch was built with.</param>
/// <param name="Shortfall">Present only when fewer than 8 videos were eligible, and says why.</param>
/// <param name="Relaxed">Diversity rules that had to be relaxed to fill the batch.</param>
public sealed record FeedResponse(
    Guid RequestId,
    int Batch,
    bool ColdStart,
    int RulesVersion,
    string ModelVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Shortfall,
    IReadOnlyList<string> Relaxed,
    IReadOnlyList<FeedItemResponse> Items);
