using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Moderation;

namespace Portal.Storage.Configurations;

internal sealed class ModerationCaseConfiguration : IEntityTypeConfiguration<ModerationCase>
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    private static readonly ValueConverter<DateTime?, DateTime?> UtcOrNull = new(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<ModerationCase> builder)
    {
        builder.ToTable("ModerationCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OpenedAt).HasConversion(Utc);
        builder.Property(c => c.LastReportedAt).HasConversion(Utc);
        builder.Property(c => c.AssignedAt).HasConversion(UtcOrNull);
        builder.Property(c => c.ClosedAt).HasConversion(UtcOrNull);
        builder.Property(c => c.AssignedTo).HasMaxLength(ModerationCase.ActorMaxLength);
        builder.Property(c => c.ClosedBy).HasMaxLength(ModerationCase.ActorMaxLength);
        builder.Property(c => c.Resolution).HasMaxLength(ModerationCase.NoteMaxLength + 200);
        builder.HasMany(c => c.Reports).WithOne(r => r.Case).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);

        // The queue: by status, oldest first.
        builder.HasIndex(c => new { c.Status, c.OpenedAt });
        builder.HasIndex(c => c.VideoId);
        builder.HasIndex(c => c.CreatorId);
        builder.HasIndex(c => c.SoundId);
        builder.HasIndex(c => c.AssignedTo);
    }
}
