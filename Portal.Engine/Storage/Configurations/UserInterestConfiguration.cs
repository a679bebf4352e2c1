using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Engine.Synthetic;

namespace Portal.Engine.Storage.Configurations;

internal sealed class UserInterestConfiguration : IEntityTypeConfiguration<UserInterest>
{
    public void Configure(EntityTypeBuilder<UserInterest> builder)
    {
        builder.ToTable("WorldUserInterests");
        builder.HasKey(t => new { t.UserId, t.Theme });
    }
}
