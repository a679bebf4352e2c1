using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;

namespace Portal.Engine.Storage.Configurations;

internal sealed class HashtagConfiguration : IEntityTypeConfiguration<Hashtag>
{
    public void Configure(EntityTypeBuilder<Hashtag> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Tag).HasMaxLength(100).IsRequired();
        builder.HasIndex(h => h.Tag).IsUnique();
    }
}
