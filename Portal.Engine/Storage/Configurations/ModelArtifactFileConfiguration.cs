using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Training;

namespace Portal.Engine.Storage.Configurations;

internal sealed class ModelArtifactFileConfiguration : IEntityTypeConfiguration<ModelArtifactFile>
{
    public void Configure(EntityTypeBuilder<ModelArtifactFile> builder)
    {
        builder.ToTable("ModelArtifactFiles");
        builder.HasKey(f => new { f.ModelVersionId, f.Name });
        builder.Property(f => f.Name).HasMaxLength(256);
        builder.Property(f => f.Content).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<ModelVersionRecord>().WithMany().HasForeignKey(f => f.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
