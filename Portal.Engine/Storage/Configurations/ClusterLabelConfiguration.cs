using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Clustering;

namespace Portal.Engine.Storage.Configurations;

internal sealed class ClusterLabelConfiguration : IEntityTypeConfiguration<ClusterLabel>
{
    public void Configure(EntityTypeBuilder<ClusterLabel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(120).IsRequired();
        builder.Property(l => l.RenamedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(l => new { l.ModelVersionId, l.Cluster }).IsUnique();
    }
}
