using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.Origin).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.SubjectKind).HasMaxLength(20);
        builder.Property(e => e.SubjectId).HasMaxLength(100);
        builder.Property(e => e.SubjectLabel).HasMaxLength(300);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.SubjectKind, e.SubjectId });
    }
}
