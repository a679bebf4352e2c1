using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Storage.Configurations;

internal sealed class VideoTruthConfiguration : IEntityTypeConfiguration<VideoTruth>
{
    public void Configure(EntityTypeBuilder<VideoTruth> builder)
    {
        builder.ToTable("WorldVideoTruth");
        builder.HasKey(t => t.VideoId);
        builder.Property(t => t.VideoId).ValueGeneratedNever();
    }
}
