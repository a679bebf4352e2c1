using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Moderation;

namespace Portal.Engine.Storage.Configurations;

internal sealed class ModerationChangeConfiguration : IEntityTypeConfiguration<ModerationChange>
{
    public void Configure(EntityTypeBuilder<ModerationChange> builder)
    {
        builder.Property(c => c.ChangedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(c => new { c.Subject, c.SubjectId });
        builder.HasIndex(c => c.At);
    }
}
