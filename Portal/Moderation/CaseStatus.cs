namespace Portal.Moderation;

/// <summary>Where a moderation case stands.</summary>
public enum CaseStatus
{
    /// <summary>Reported, waiting for a moderator.</summary>
    Open = 0,

    /// <summary>Needs a senior look (legal, self-harm, a high-profile creator); stays in the queue.</summary>
    Escalated = 1,

    /// <summary>Decided: an action was taken or the video was approved.</summary>
    Closed = 2,
}
