using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Engine.Storage;

/// <summary>
/// Stores every <see cref="DateTime"/> as UTC milliseconds since the Unix epoch: compact, ordered,
/// and cheap to write from bulk loaders. Values read back are <see cref="DateTimeKind.Utc"/>.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, long>(
    value => ToUnixMilliseconds(value),
    value => FromUnixMilliseconds(value))
{
    public static long ToUnixMilliseconds(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks / TimeSpan.TicksPerMillisecond - EpochMilliseconds;

    public static DateTime FromUnixMilliseconds(long value) =>
        new((value + EpochMilliseconds) * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private const long EpochMilliseconds = 62_135_596_800_000L;
}
