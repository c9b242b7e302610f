using Digest.Infrastructure.Writing.Cache;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class CachedModelAnswerConfiguration : IEntityTypeConfiguration<CachedModelAnswer>
{
    public void Configure(EntityTypeBuilder<CachedModelAnswer> builder)
    {
        builder.ToTable("model_answer_cache");
        builder.HasKey(a => a.Key);
        // A SHA-256 in hex.
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.Property(a => a.AnswerJson).HasMaxLength(50_000);
        builder.HasIndex(a => a.CreatedAt);
    }
}
