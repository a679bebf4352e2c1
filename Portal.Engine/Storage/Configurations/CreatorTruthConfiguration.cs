using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Storage.Configurations;

internal sealed class CreatorTruthConfiguration : IEntityTypeConfiguration<CreatorTruth>
{
    public void Configure(EntityTypeBuilder<CreatorTruth> builder)
    {
        builder.ToTable("WorldCreatorTruth");
        builder.HasKey(t => t.CreatorId);
        builder.Property(t => t.CreatorId).ValueGeneratedNever();
    }
}
