namespace Portal.Components.Pages.Training;

/// <summary>Common cron expressions in words ("every 5 minutes", "every day at 03:00"); others are left as they are.</summary>
public static class CronText
{
    public static IReadOnlyList<(string Cron, string Text)> Presets { get; } =
    [
        ("*/5 * * * *", "Every 5 minutes"),
        ("*/15 * * * *", "Every 15 minutes"),
        ("0 * * * *", "Every hour"),
        ("0 */6 * * *", "Every 6 hours"),
        ("0 3 * * *", "Every day at 03:00"),
        ("0 3 * * 1", "Every Monday at 03:00"),
    ];

    public static string Describe(string cron)
    {
        var trimmed = string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var preset = Presets.FirstOrDefault(p => p.Cron == trimmed);
        if (preset.Text is not null)
        {
            return preset.Text.ToLowerInvariant().Replace("monday", "Monday", StringComparison.Ordinal);
        }

        var f = trimmed.Split(' ');
        if (f.Length == 5 && f[2] == "*" && f[3] == "*" && f[4] == "*")
        {
            if (f[0].StartsWith("*/", StringComparison.Ordinal) && f[1] == "*")
            {
                return $"every {f[0][2..]} minutes";
            }

            if (int.TryParse(f[0], out var minute) && int.TryParse(f[1], out var hour))
            {
                return $"every day at {hour:00}:{minute:00}";
            }

            if (int.TryParse(f[0], out minute) && f[1] == "*")
            {
                return $"every hour at :{minute:00}";
            }
        }

        return "custom schedule";
    }
}
