using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Auth.ApiKeys;

namespace Portal.Storage.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    /// <summary>Times are stored and read back as UTC.</summary>
    private static readonly ValueConverter<DateTime, DateTime> Utc = new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.CreatedBy).HasMaxLength(ApiKey.ActorMaxLength).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(ApiKey.ActorMaxLength);
        builder.Property(k => k.RevocationReason).HasMaxLength(ApiKey.ReasonMaxLength);
        builder.Property(k => k.CreatedAt).HasConversion(Utc);
        builder.Property(k => k.LastUsedAt).HasConversion(Utc);
        builder.Property(k => k.RevokedAt).HasConversion(Utc);
        builder.HasIndex(k => k.RevokedAt);
    }
}
