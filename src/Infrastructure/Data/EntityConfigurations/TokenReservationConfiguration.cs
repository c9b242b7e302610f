using Digest.Infrastructure.Writing.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class TokenReservationConfiguration : IEntityTypeConfiguration<TokenReservation>
{
    public void Configure(EntityTypeBuilder<TokenReservation> builder)
    {
        builder.ToTable("token_reservations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Model).HasMaxLength(200);
        builder.HasIndex(r => new { r.Model, r.ExpiresAt });
    }
}
