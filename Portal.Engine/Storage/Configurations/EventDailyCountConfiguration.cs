using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Events;

namespace Portal.Engine.Storage.Configurations;

internal sealed class EventDailyCountConfiguration : IEntityTypeConfiguration<EventDailyCount>
{
    public void Configure(EntityTypeBuilder<EventDailyCount> builder) =>
        builder.HasKey(c => new { c.Day, c.Kind });
}
