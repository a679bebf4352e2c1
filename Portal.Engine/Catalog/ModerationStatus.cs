namespace Portal.Engine.Catalog;

/// <summary>Where a video stands with moderation. Only <see cref="Visible"/> videos are ever served.</summary>
public enum ModerationStatus
{
    /// <summary>Eligible for feeds.</summary>
    Visible = 0,

    /// <summary>Kept on the platform but never recommended.</summary>
    Restricted = 1,

    /// <summary>Taken down.</summary>
    Removed = 2,
}
