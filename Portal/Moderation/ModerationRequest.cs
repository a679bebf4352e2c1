namespace Portal.Moderation;

/// <summary>A moderator's decision as the form sends it.</summary>
/// <param name="SubjectId">The video's, creator's or sound's id, as the kind implies.</param>
/// <param name="ReasonCode">One of <see cref="ModerationReasons.For"/> the kind.</param>
/// <param name="Note">Why, in the moderator's words; required.</param>
/// <param name="CaseId">The case it is decided from, which it then closes.</param>
public sealed record ModerationRequest(ModerationActionKind Kind, int SubjectId, string ReasonCode, string Note, int? CaseId = null);
