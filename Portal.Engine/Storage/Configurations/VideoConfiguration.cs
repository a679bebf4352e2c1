using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;

namespace Portal.Engine.Storage.Configurations;

internal sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    public void Configure(EntityTypeBuilder<Video> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Caption).HasMaxLength(2_200).IsRequired();
        builder.Property(v => v.Language).HasMaxLength(8);
        builder.Property(v => v.OriginCountry).HasMaxLength(2).IsRequired();
        builder.Property(v => v.AllowedCountries).HasMaxLength(512);
        builder.HasOne(v => v.Creator).WithMany(c => c.Videos).HasForeignKey(v => v.CreatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Sound).WithMany().HasForeignKey(v => v.SoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Hashtags).WithOne().HasForeignKey(h => h.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.CreatorId);
        builder.HasIndex(v => v.SoundId);
        builder.HasIndex(v => v.CreatedAt);
        builder.HasIndex(v => v.Moderation);
    }
}
