using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;

namespace Portal.Engine.Storage.Configurations;

internal sealed class VideoHashtagConfiguration : IEntityTypeConfiguration<VideoHashtag>
{
    public void Configure(EntityTypeBuilder<VideoHashtag> builder)
    {
        builder.HasKey(vh => new { vh.VideoId, vh.HashtagId });
        builder.HasOne(vh => vh.Hashtag).WithMany().HasForeignKey(vh => vh.HashtagId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(vh => vh.HashtagId);
    }
}
