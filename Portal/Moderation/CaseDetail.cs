using Portal.Engine.Catalog;

namespace Portal.Moderation;

/// <summary>One case with its reports (oldest first), the video, and the actions taken on the video, its creator or its sound.</summary>
public sealed record CaseDetail(ModerationCase Case, IReadOnlyList<ModerationReport> Reports, VideoDetails? Video, IReadOnlyList<ModerationAction> Actions);
