using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Engine.Storage.Configurations;

internal sealed class SharedVersionConfiguration : IEntityTypeConfiguration<SharedVersion>
{
    public void Configure(EntityTypeBuilder<SharedVersion> builder)
    {
        builder.ToTable("SharedVersions");
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(64);
    }
}
