using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Training;

namespace Portal.Engine.Storage.Configurations;

internal sealed class TrainingScheduleConfiguration : IEntityTypeConfiguration<TrainingSchedule>
{
    public void Configure(EntityTypeBuilder<TrainingSchedule> builder)
    {
        builder.HasKey(s => s.JobId);
        builder.Property(s => s.JobId).HasMaxLength(64);
        builder.Property(s => s.Cron).HasMaxLength(128).IsRequired();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}
