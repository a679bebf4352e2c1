namespace Portal.Moderation;

/// <summary>The closed list of reasons a video can be reported for, as the API takes them.</summary>
public static class ReportReasons
{
    public const string Spam = "spam";
    public const string Nudity = "nudity";
    public const string Violence = "violence";
    public const string Hate = "hate";
    public const string Harassment = "harassment";
    public const string Misinformation = "misinformation";
    public const string SelfHarm = "self-harm";
    public const string Copyright = "copyright";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Spam, Nudity, Violence, Hate, Harassment, Misinformation, SelfHarm, Copyright, Other];

    public static bool IsValid(string? reason) => reason is not null && All.Contains(reason);

    public static string Label(string reason) => reason switch
    {
        Spam => "Spam or scam",
        Nudity => "Nudity or sexual content",
        Violence => "Violence",
        Hate => "Hate speech",
        Harassment => "Harassment or bullying",
        Misinformation => "Misinformation",
        SelfHarm => "Self-harm",
        Copyright => "Copyright",
        Other => "Something else",
        _ => reason,
    };
}
