namespace Portal.Moderation;

/// <summary>What a line of a subject's moderation history is; lines at the same moment keep this order.</summary>
public enum HistoryEntryKind
{
    Report = 0,
    CaseOpened = 1,
    Action = 2,
    EngineChange = 3,
    CaseClosed = 4,
}
