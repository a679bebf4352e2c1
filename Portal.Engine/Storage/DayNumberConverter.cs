using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Engine.Storage;

/// <summary>Stores a <see cref="DateOnly"/> as its day number (days since 0001-01-01).</summary>
public sealed class DayNumberConverter() : ValueConverter<DateOnly, int>(
    value => value.DayNumber,
    value => DateOnly.FromDayNumber(value));
