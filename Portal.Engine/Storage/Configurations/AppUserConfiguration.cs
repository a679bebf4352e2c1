using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;

namespace Portal.Engine.Storage.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("AppUsers");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Language).HasMaxLength(8).IsRequired();
        builder.Property(u => u.Country).HasMaxLength(2).IsRequired();
        builder.HasIndex(u => new { u.Country, u.Language });
        builder.HasIndex(u => u.Language);
        builder.HasIndex(u => u.Device);
    }
}
