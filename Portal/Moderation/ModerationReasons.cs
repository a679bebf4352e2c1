namespace Portal.Moderation;

/// <summary>The closed list of reason codes a moderation action is taken for; which codes fit depends on the action.</summary>
public static class ModerationReasons
{
    public const string NoViolation = "no-violation";
    public const string FalseReport = "false-report";
    public const string Spam = "spam";
    public const string Nudity = "nudity";
    public const string Violence = "violence";
    public const string Hate = "hate";
    public const string Harassment = "harassment";
    public const string Misinformation = "misinformation";
    public const string SelfHarm = "self-harm";
    public const string Copyright = "copyright";
    public const string RepeatViolations = "repeat-violations";
    public const string AppealUpheld = "appeal-upheld";
    public const string ModeratorError = "moderator-error";
    public const string NewInformation = "new-information";
    public const string Other = "other";

    private static readonly string[] Violations = [Spam, Nudity, Violence, Hate, Harassment, Misinformation, SelfHarm, Copyright, RepeatViolations, Other];

    /// <summary>The codes that fit <paramref name="kind"/>, in the order a form offers them.</summary>
    public static IReadOnlyList<string> For(ModerationActionKind kind) => kind switch
    {
        ModerationActionKind.ApproveVideo => [NoViolation, FalseReport, Other],
        ModerationActionKind.Reversal => [AppealUpheld, ModeratorError, NewInformation, Other],
        _ => Violations,
    };

    public static bool IsValid(ModerationActionKind kind, string? code) => code is not null && For(kind).Contains(code);

    public static string Label(string code) => code switch
    {
        NoViolation => "Breaks no rule",
        FalseReport => "False or abusive report",
        Spam => "Spam or scam",
        Nudity => "Nudity or sexual content",
        Violence => "Violence",
        Hate => "Hate speech",
        Harassment => "Harassment or bullying",
        Misinformation => "Misinformation",
        SelfHarm => "Self-harm",
        Copyright => "Copyright",
        RepeatViolations => "Repeated violations",
        AppealUpheld => "Appeal upheld",
        ModeratorError => "Moderator error",
        NewInformation => "New information",
        Other => "Other (say why in the note)",
        _ => code,
    };
}
