using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;

namespace Portal.Engine.Storage.Configurations;

internal sealed class CreatorConfiguration : IEntityTypeConfiguration<Creator>
{
    public void Configure(EntityTypeBuilder<Creator> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Handle).HasMaxLength(64).IsRequired();
        builder.Property(c => c.DisplayName).HasMaxLength(128).IsRequired();
        builder.Property(c => c.Country).HasMaxLength(2).IsRequired();
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.HasIndex(c => c.Handle).IsUnique();
    }
}
