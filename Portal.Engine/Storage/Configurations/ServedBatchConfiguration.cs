using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Feed;

namespace Portal.Engine.Storage.Configurations;

internal sealed class ServedBatchConfiguration : IEntityTypeConfiguration<ServedBatch>
{
    public void Configure(EntityTypeBuilder<ServedBatch> builder)
    {
        builder.Property(b => b.ModelVersion).HasMaxLength(64).IsRequired();
        builder.Property(b => b.RequestedBy).HasMaxLength(256);
        builder.HasIndex(b => b.RequestId).IsUnique();
        builder.HasIndex(b => new { b.UserId, b.At });
        // A user's batches stored after a given id: what another instance catches up on before building a batch.
        builder.HasIndex(b => new { b.UserId, b.Id });
        builder.HasIndex(b => b.At);
    }
}
