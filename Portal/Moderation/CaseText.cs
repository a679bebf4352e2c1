using Portal.Engine.Catalog;
using Portal.Engine.Moderation;

namespace Portal.Moderation;

/// <summary>How moderation values read for people: statuses, actions, subjects.</summary>
public static class CaseText
{
    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.Escalated => "Escalated",
        CaseStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public static string Action(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.ApproveVideo => "Approve the video",
        ModerationActionKind.RestrictVideo => "Restrict the video",
        ModerationActionKind.RemoveVideo => "Remove the video",
        ModerationActionKind.RestrictCreator => "Restrict the creator",
        ModerationActionKind.BanCreator => "Ban the creator",
        ModerationActionKind.BlockSound => "Block the sound",
        ModerationActionKind.Reversal => "Reverse",
        _ => kind.ToString(),
    };

    /// <summary>The action as a past event: "Video removed".</summary>
    public static string Done(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.ApproveVideo => "Video approved",
        ModerationActionKind.RestrictVideo => "Video restricted",
        ModerationActionKind.RemoveVideo => "Video removed",
        ModerationActionKind.RestrictCreator => "Creator restricted",
        ModerationActionKind.BanCreator => "Creator banned",
        ModerationActionKind.BlockSound => "Sound blocked",
        ModerationActionKind.Reversal => "Reversed",
        _ => kind.ToString(),
    };

    public static string State(ModerationActionState state) => state switch
    {
        ModerationActionState.Pending => "Waiting for a second moderator",
        ModerationActionState.Applied => "In effect",
        ModerationActionState.Rejected => "Rejected",
        ModerationActionState.Reversed => "Reversed",
        _ => state.ToString(),
    };

    public static string Subject(ModerationSubject subject) => subject switch
    {
        ModerationSubject.Video => "video",
        ModerationSubject.Creator => "creator",
        ModerationSubject.Sound => "sound",
        _ => subject.ToString().ToLowerInvariant(),
    };

    /// <summary>An engine status of a subject, by its number: "removed", "banned", "blocked".</summary>
    public static string EngineStatus(ModerationSubject subject, int status) => subject switch
    {
        ModerationSubject.Video => ((ModerationStatus)status).ToString().ToLowerInvariant(),
        ModerationSubject.Creator => ((CreatorStatus)status).ToString().ToLowerInvariant(),
        ModerationSubject.Sound => ((SoundStatus)status).ToString().ToLowerInvariant(),
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>"video:12", the audit trail's target.</summary>
    public static string Target(ModerationSubject subject, int id) => $"{Subject(subject)}:{id}";

    /// <summary>The subject's history page.</summary>
    public static string HistoryHref(ModerationSubject subject, int id) => subject switch
    {
        ModerationSubject.Video => $"moderation/videos/{id}",
        ModerationSubject.Creator => $"moderation/creators/{id}",
        _ => $"moderation/sounds/{id}",
    };
}
