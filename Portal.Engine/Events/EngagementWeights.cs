namespace Portal.Engine.Events;

/// <summary>
/// How much each kind of engagement says about wanting more of the same. One table for popularity, the online
/// user state and collaborative training, so they agree:
/// <list type="table">
/// <item><term>impression</term><description>0 (being shown says nothing)</description></item>
/// <item><term>watch</term><description>watch fraction − 0.4 (a full watch +0.6, a glance about −0.3)</description></item>
/// <item><term>like</term><description>+2</description></item>
/// <item><term>share</term><description>+3</description></item>
/// <item><term>comment</term><description>+1.5</description></item>
/// <item><term>follow</term><description>+2</description></item>
/// <item><term>skip</term><description>−0.5</description></item>
/// <item><term>not interested</term><description>−2</description></item>
/// <item><term>report</term><description>−3</description></item>
/// </list>
/// </summary>
public static class EngagementWeights
{
    public static float Of(EngagementKind kind, float? watchFraction) => kind switch
    {
        EngagementKind.Impression => 0f,
        EngagementKind.Watch => (watchFraction ?? 0.5f) - 0.4f,
        EngagementKind.Like => 2f,
        EngagementKind.Share => 3f,
        EngagementKind.Comment => 1.5f,
        EngagementKind.Follow => 2f,
        EngagementKind.Skip => -0.5f,
        EngagementKind.NotInterested => -2f,
        EngagementKind.Report => -3f,
        _ => 0f,
    };

    /// <summary>True for the engagements that count as "the user wanted this": like, share, comment, follow, or watching at least 80 %.</summary>
    public static bool IsPositive(EngagementKind kind, float? watchFraction) => kind switch
    {
        EngagementKind.Like or EngagementKind.Share or EngagementKind.Comment or EngagementKind.Follow => true,
        EngagementKind.Watch => watchFraction >= 0.8f,
        _ => false,
    };

    /// <summary>True for the engagements that push a video away: skip, not interested, report.</summary>
    public static bool IsNegative(EngagementKind kind) =>
        kind is EngagementKind.Skip or EngagementKind.NotInterested or EngagementKind.Report;
}
