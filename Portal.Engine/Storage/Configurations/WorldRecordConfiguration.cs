using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Storage.Configurations;

internal sealed class WorldRecordConfiguration : IEntityTypeConfiguration<WorldRecord>
{
    public void Configure(EntityTypeBuilder<WorldRecord> builder)
    {
        builder.ToTable("World");
        builder.Property(w => w.Preset).HasMaxLength(32).IsRequired();
    }
}
