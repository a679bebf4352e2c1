using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Engine.Feed;

/// <summary>The JSON shapes of the served log, generated at build time so that writing thousands of batches a second stays cheap.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServedItemRecord[]))]
[JsonSerializable(typeof(ServedContextRecord))]
internal sealed partial class ServedLogJson : JsonSerializerContext;

/// <summary>One served item as the log keeps it.</summary>
public sealed record ServedItemRecord(
    int Position,
    int VideoId,
    int CreatorId,
    int SoundId,
    int Cluster,
    string ClusterName,
    float Score,
    int RankBefore,
    bool Exploration,
    IReadOnlyList<FeedReason> Reasons,
    IReadOnlyDictionary<string, float> Features,
    IReadOnlyList<string> RuleEffects);

/// <summary>The request context as the log keeps it.</summary>
public sealed record ServedContextRecord(string Device, string Country, string Language, bool Personalized, string Ranker, int CandidateCount, IReadOnlyList<BlockedVideo> Blocked, string? Shortfall);
