using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Training;

namespace Portal.Engine.Storage.Configurations;

internal sealed class ModelVersionRecordConfiguration : IEntityTypeConfiguration<ModelVersionRecord>
{
    public void Configure(EntityTypeBuilder<ModelVersionRecord> builder)
    {
        builder.ToTable("ModelVersions");
        builder.Property(m => m.Version).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Trigger).HasMaxLength(32).IsRequired();
        builder.Property(m => m.RequestedBy).HasMaxLength(256);
        builder.Property(m => m.PromotedBy).HasMaxLength(256);
        builder.Property(m => m.ArtifactPath).HasMaxLength(1_024);
        builder.HasIndex(m => m.Status);
    }
}
