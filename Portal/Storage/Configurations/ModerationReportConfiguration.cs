using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Moderation;

namespace Portal.Storage.Configurations;

internal sealed class ModerationReportConfiguration : IEntityTypeConfiguration<ModerationReport>
{
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<ModerationReport> builder)
    {
        builder.ToTable("ModerationReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reason).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(ModerationReport.TextMaxLength);
        builder.Property(r => r.ReportedBy).HasMaxLength(ModerationReport.ReporterMaxLength).IsRequired();
        builder.Property(r => r.At).HasConversion(Utc);
        builder.HasIndex(r => new { r.CaseId, r.Reason });
        builder.HasIndex(r => r.VideoId);
    }
}
