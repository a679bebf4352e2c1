using System.Globalization;

namespace Portal.Engine.Import;

/// <summary>Parses the fields of data set rows, culture-invariant and strict about ranges.</summary>
internal static class FieldParser
{
    /// <summary>Latest time accepted in a data set: 2100-01-01, in Unix seconds.</summary>
    public const long MaxUnixSeconds = 4_102_444_800;

    /// <summary>A whole number from <paramref name="min"/> to int.MaxValue.</summary>
    public static bool TryId(string text, int min, out int id) =>
        int.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id >= min;

    /// <summary>A finite number.</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Whole Unix seconds from 1970 to 2100, as Unix milliseconds.</summary>
    public static bool TryUnixSeconds(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (!long.TryParse(text.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return false;
        }

        milliseconds = seconds * 1_000;
        return true;
    }

    /// <summary>Fractional Unix seconds (<c>1593898068.378</c>) from 1970 to 2100, as Unix milliseconds.</summary>
    public static bool TryFractionalUnixSeconds(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (!TryNumber(text, out var seconds) || seconds < 0 || seconds > MaxUnixSeconds)
        {
            return false;
        }

        milliseconds = (long)Math.Round(seconds * 1_000);
        return true;
    }

    /// <summary>A local time <c>yyyy-MM-dd HH:mm:ss[.fff]</c> at a fixed offset from UTC, as Unix milliseconds.</summary>
    public static bool TryLocalTime(string text, TimeSpan offset, out long milliseconds)
    {
        milliseconds = 0;
        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        milliseconds = new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
        return milliseconds >= 0 && milliseconds <= MaxUnixSeconds * 1_000;
    }
}
