using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Diversity;

namespace Portal.Engine.Storage.Configurations;

internal sealed class DiversityRulesVersionConfiguration : IEntityTypeConfiguration<DiversityRulesVersion>
{
    public void Configure(EntityTypeBuilder<DiversityRulesVersion> builder)
    {
        builder.ToTable("DiversityRules");
        builder.HasKey(r => r.Version);
        builder.Property(r => r.Version).ValueGeneratedNever();
        builder.Property(r => r.Author).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(1_000).IsRequired();
    }
}
