using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Freshness;

internal sealed class SiteStampConfiguration : IEntityTypeConfiguration<SiteStamp>
{
    public void Configure(EntityTypeBuilder<SiteStamp> builder)
    {
        builder.ToTable("site_stamp");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        // The row exists from the migration on: every stamp is an UPDATE, never an insert that two processes could race.
        builder.HasData(new { Id = SiteStamp.RowId, Value = Guid.Empty, ChangedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
    }
}
