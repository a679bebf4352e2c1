using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Catalog;
using Portal.Engine.Events;

namespace Portal.Engine.Storage.Configurations;

internal sealed class EngagementEventConfiguration : IEntityTypeConfiguration<EngagementEvent>
{
    public void Configure(EntityTypeBuilder<EngagementEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Video>().WithMany().HasForeignKey(e => e.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.At });
        // A user's events stored after a given id: what another instance catches up on before building a batch.
        builder.HasIndex(e => new { e.UserId, e.Id });
        builder.HasIndex(e => new { e.VideoId, e.At });
        builder.HasIndex(e => e.At);
    }
}
