using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Training;

namespace Portal.Engine.Storage.Configurations;

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(32).IsRequired();
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.HasIndex(r => r.StartedAt);
    }
}
