using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Storage.Configurations;

internal sealed class SoundTruthConfiguration : IEntityTypeConfiguration<SoundTruth>
{
    public void Configure(EntityTypeBuilder<SoundTruth> builder)
    {
        builder.ToTable("WorldSoundTruth");
        builder.HasKey(t => t.SoundId);
        builder.Property(t => t.SoundId).ValueGeneratedNever();
    }
}
