namespace Portal.Audit;

/// <summary>The kinds of action the audit trail records, as stable codes (<c>area.verb</c>), with a label for people.</summary>
public static class AuditActions
{
    /// <summary>A page, endpoint or action the caller's roles do not allow.</summary>
    public const string AccessDenied = "access.denied";

    public const string SignedIn = "staff.signed-in";

    /// <summary>A wrong password, an unknown email or a locked account.</summary>
    public const string SignInFailed = "staff.sign-in-failed";

    public const string SignedOut = "staff.signed-out";

    public const string StaffCreated = "staff.created";

    public const string StaffRolesChanged = "staff.roles-changed";

    public const string StaffUnlocked = "staff.unlocked";

    public const string RulesPublished = "rules.published";

    public const string RulesRolledBack = "rules.rolled-back";

    /// <summary>For the Training page's promote action.</summary>
    public const string ModelPromoted = "model.promoted";

    /// <summary>For the Training page's rollback action.</summary>
    public const string ModelRolledBack = "model.rolled-back";

    /// <summary>A video cluster of a model version renamed (Clusters page).</summary>
    public const string ClusterRenamed = "model.cluster-renamed";

    /// <summary>A simulation run from the Evaluation page (its users and events stay in the data).</summary>
    public const string SimulationRun = "evaluation.simulation-run";

    /// <summary>For the Training page's schedule editor.</summary>
    public const string ScheduleChanged = "training.schedule-changed";

    /// <summary>For the Training page's "run now".</summary>
    public const string TrainingStarted = "training.run-started";

    /// <summary>For an import the portal starts.</summary>
    public const string DataImported = "data.imported";

    public const string ReportFiled = "moderation.report-filed";

    public const string CaseAssigned = "moderation.case-assigned";

    public const string CaseStatusChanged = "moderation.case-status-changed";

    /// <summary>A moderation action that took effect.</summary>
    public const string ModerationApplied = "moderation.action-applied";

    /// <summary>A ban or block that waits for a second moderator.</summary>
    public const string ModerationRequested = "moderation.action-requested";

    public const string ModerationApproved = "moderation.action-approved";

    public const string ModerationRejected = "moderation.action-rejected";

    public const string ModerationReversed = "moderation.action-reversed";

    public const string PersonalizationChanged = "user.personalization-changed";

    public const string ApiKeyCreated = "api-key.created";

    public const string ApiKeyRevoked = "api-key.revoked";

    public const string ChainVerified = "audit.chain-verified";

    public const string Exported = "audit.exported";

    /// <summary>Every code with its label, in the order the Audit page offers them.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SignedIn] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [SignedOut] = "Signed out",
        [AccessDenied] = "Access denied",
        [StaffCreated] = "Staff account created",
        [StaffRolesChanged] = "Staff roles changed",
        [StaffUnlocked] = "Staff account unlocked",
        [RulesPublished] = "Diversity rules published",
        [RulesRolledBack] = "Diversity rules rolled back",
        [ModelPromoted] = "Model promoted",
        [ModelRolledBack] = "Model rolled back",
        [ClusterRenamed] = "Cluster renamed",
        [ScheduleChanged] = "Schedule changed",
        [TrainingStarted] = "Job started now",
        [SimulationRun] = "Simulation run",
        [DataImported] = "Data imported",
        [ReportFiled] = "Video reported",
        [CaseAssigned] = "Case assigned",
        [CaseStatusChanged] = "Case status changed",
        [ModerationApplied] = "Moderation action",
        [ModerationRequested] = "Moderation action requested",
        [ModerationApproved] = "Moderation action approved",
        [ModerationRejected] = "Moderation action rejected",
        [ModerationReversed] = "Moderation action reversed",
        [PersonalizationChanged] = "Personalisation changed",
        [ApiKeyCreated] = "API key created",
        [ApiKeyRevoked] = "API key revoked",
        [ChainVerified] = "Audit chain verified",
        [Exported] = "Audit log exported",
    };

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label : action;
}
