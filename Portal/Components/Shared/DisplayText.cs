using System.Globalization;
using MudBlazor;
using Portal.Engine.Catalog;
using Portal.Engine.Events;

namespace Portal.Components.Shared;

/// <summary>How the portal words engine values for people: devices, engagement kinds, shares, times, feature names.</summary>
public static class DisplayText
{
    public static string Device(DeviceType device) => device switch
    {
        DeviceType.Ios => "iOS",
        DeviceType.Android => "Android",
        DeviceType.Web => "Web",
        DeviceType.Tablet => "Tablet",
        _ => device.ToString(),
    };

    public static string Device(string? name) => DeviceTypes.TryParse(name, out var device) ? Device(device) : name ?? "";

    public static string DeviceIcon(DeviceType device) => device switch
    {
        DeviceType.Ios or DeviceType.Android => Icons.Material.Rounded.PhoneIphone,
        DeviceType.Tablet => Icons.Material.Rounded.TabletMac,
        _ => Icons.Material.Rounded.Computer,
    };

    /// <summary>"English (en)".</summary>
    public static string Language(string? code) =>
        string.IsNullOrEmpty(code) ? "Any language" : $"{Portal.Engine.Candidates.Languages.NameOf(code)} ({code})";

    /// <summary>What a user did, as a verb in the past: "Liked", "Watched".</summary>
    public static string Kind(EngagementKind kind) => kind switch
    {
        EngagementKind.Impression => "Shown",
        EngagementKind.Watch => "Watched",
        EngagementKind.Like => "Liked",
        EngagementKind.Share => "Shared",
        EngagementKind.Comment => "Commented",
        EngagementKind.Follow => "Followed the creator",
        EngagementKind.Skip => "Skipped",
        EngagementKind.NotInterested => "Not interested",
        EngagementKind.Report => "Reported",
        _ => kind.ToString(),
    };

    /// <summary>The kind as a noun for counts: "Likes", "Skips".</summary>
    public static string KindPlural(EngagementKind kind) => kind switch
    {
        EngagementKind.Impression => "Impressions",
        EngagementKind.Watch => "Watches",
        EngagementKind.Like => "Likes",
        EngagementKind.Share => "Shares",
        EngagementKind.Comment => "Comments",
        EngagementKind.Follow => "Follows",
        EngagementKind.Skip => "Skips",
        EngagementKind.NotInterested => "Not interested",
        EngagementKind.Report => "Reports",
        _ => kind.ToString(),
    };

    public static string KindIcon(EngagementKind kind) => kind switch
    {
        EngagementKind.Impression => Icons.Material.Rounded.Visibility,
        EngagementKind.Watch => Icons.Material.Rounded.PlayCircle,
        EngagementKind.Like => Icons.Material.Rounded.Favorite,
        EngagementKind.Share => Icons.Material.Rounded.Share,
        EngagementKind.Comment => Icons.Material.Rounded.ChatBubble,
        EngagementKind.Follow => Icons.Material.Rounded.PersonAdd,
        EngagementKind.Skip => Icons.Material.Rounded.SkipNext,
        EngagementKind.NotInterested => Icons.Material.Rounded.DoNotDisturbOn,
        EngagementKind.Report => Icons.Material.Rounded.Flag,
        _ => Icons.Material.Rounded.Circle,
    };

    public static Color KindColor(EngagementKind kind) => kind switch
    {
        EngagementKind.Like or EngagementKind.Share or EngagementKind.Follow or EngagementKind.Comment => Color.Success,
        EngagementKind.Watch => Color.Primary,
        EngagementKind.Skip => Color.Default,
        EngagementKind.NotInterested or EngagementKind.Report => Color.Error,
        _ => Color.Default,
    };

    /// <summary>A share as a whole percentage: "42 %".</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A share with one decimal: "4.2 %".</summary>
    public static string PercentPrecise(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>"just now", "5 min ago", "3 h ago", "2 days ago", then the date.</summary>
    public static string TimeAgo(DateTime at, DateTime now)
    {
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1))
        {
            return age < TimeSpan.Zero ? "in the future" : "just now";
        }

        if (age < TimeSpan.FromHours(1))
        {
            return $"{(int)age.TotalMinutes} min ago";
        }

        if (age < TimeSpan.FromDays(1))
        {
            return $"{(int)age.TotalHours} h ago";
        }

        if (age < TimeSpan.FromDays(30))
        {
            var days = (int)age.TotalDays;
            return days == 1 ? "yesterday" : $"{days} days ago";
        }

        return at.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>A UTC time as staff read it: "Nov 27, 21:48 UTC".</summary>
    public static string Utc(DateTime at) => at.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"contentSimilarity" → "Content similarity".</summary>
    public static string Words(string camelCase)
    {
        if (string.IsNullOrEmpty(camelCase))
        {
            return camelCase;
        }

        var text = new System.Text.StringBuilder(camelCase.Length + 4);
        text.Append(char.ToUpperInvariant(camelCase[0]));
        foreach (var c in camelCase.AsSpan(1))
        {
            if (char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
