using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Moderation;

namespace Portal.Storage.Configurations;

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    private static readonly ValueConverter<DateTime?, DateTime?> UtcOrNull = new(v => v, v => v == null ? null : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.ToTable("ModerationActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ReasonCode).HasMaxLength(32).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(ModerationAction.NoteMaxLength).IsRequired();
        builder.Property(a => a.RequestedBy).HasMaxLength(ModerationAction.ActorMaxLength).IsRequired();
        builder.Property(a => a.DecidedBy).HasMaxLength(ModerationAction.ActorMaxLength);
        builder.Property(a => a.DecisionNote).HasMaxLength(ModerationAction.NoteMaxLength);
        builder.Property(a => a.RequestedAt).HasConversion(Utc);
        builder.Property(a => a.DecidedAt).HasConversion(UtcOrNull);
        builder.Property(a => a.AppliedAt).HasConversion(UtcOrNull);
        builder.HasIndex(a => new { a.Subject, a.SubjectId });
        builder.HasIndex(a => a.State);
        builder.HasIndex(a => a.CaseId);
    }
}
