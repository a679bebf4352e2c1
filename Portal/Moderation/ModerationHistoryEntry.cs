namespace Portal.Moderation;

/// <summary>One line of a video's, creator's or sound's history.</summary>
/// <param name="Title">What happened, in a few words ("Reported: Spam or scam", "Video removed").</param>
/// <param name="Detail">The reporter's text, the moderator's note, the statuses before and after.</param>
/// <param name="By">Who: a reporter (API key or staff) or a moderator.</param>
/// <param name="Action">The moderation action behind the line, when there is one (for its state and the reverse button).</param>
public sealed record ModerationHistoryEntry(DateTime At, HistoryEntryKind Kind, string Title, string? Detail, string? By, int? CaseId, ModerationAction? Action);
