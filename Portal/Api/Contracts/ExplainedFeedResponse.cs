using System.Text.Json.Serialization;

namespace Portal.Api.Contracts;

/// <summary>A batch with everything that explains it (<c>explain=true</c>): what an audit of a served feed asks for.</summary>
/// <param name="RequestId">Identifies this batch in the served log.</param>
/// <param name="Batch">How many batches the user has been served, this one included.</param>
/// <param name="ColdStart">True for a first batch: popular videos across different topics, sounds and creators.</param>
/// <param name="RulesVersion">The version of the diversity rules the batch was built with.</param>
/// <param name="ModelVersion">The version of the recommender model the batch was built with.</param>
/// <param name="Shortfall">Present only when fewer than 8 videos were eligible, and says why.</param>
/// <param name="Relaxed">Diversity rules that had to be relaxed to fill the batch.</param>
/// <param name="Personalized">False when the user opted out of personalisation.</param>
/// <param name="Device">The device the batch was built for (the request's, else the user's).</param>
/// <param name="Country">The country the batch was built for (the request's, else the user's).</param>
/// <param name="Language">The user's language.</param>
/// <param name="Ranker">The ranker that scored the candidates.</param>
/// <param name="CandidateCount">How many candidates the sources proposed.</param>
/// <param name="Blocked">Higher-ranked videos a diversity rule kept out.</param>
public sealed record ExplainedFeedResponse(
    Guid RequestId,
    int Batch,
    bool ColdStart,
    int RulesVersion,
    string ModelVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Shortfall,
    IReadOnlyList<string> Relaxed,
    IReadOnlyList<ExplainedFeedItemResponse> Items,
    bool Personalized,
    string Device,
    string Country,
    string Language,
    string Ranker,
    int CandidateCount,
    IReadOnlyList<BlockedVideoResponse> Blocked);
