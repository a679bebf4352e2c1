using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Audit;

namespace Portal.Storage.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        // The id is the row's place in the chain, chosen by the trail inside its write transaction.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.At).HasConversion(Utc);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(AuditEntry.ReasonMaxLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AuditEntry.ClientAddressMaxLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength().IsRequired();

        // No two rows may follow the same row: the chain cannot fork.
        builder.HasIndex(e => e.PreviousHash).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Actor);
        builder.HasIndex(e => e.Action);
        builder.HasIndex(e => e.Target);
    }
}
