using Digest.Domain.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class ModelCallEntryConfiguration : IEntityTypeConfiguration<ModelCallEntry>
{
    public void Configure(EntityTypeBuilder<ModelCallEntry> builder)
    {
        builder.ToTable("model_calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Section).HasMaxLength(500);
        builder.Property(c => c.Prompt).HasMaxLength(200);
        builder.Property(c => c.Model).HasMaxLength(200);
        builder.Property(c => c.EstimatedCost).HasPrecision(18, 6);
        builder.Ignore(c => c.TotalTokens);
        // The daily budget sums a model's tokens since the start of the day.
        builder.HasIndex(c => new { c.Model, c.At });
        builder.HasIndex(c => c.RunId);
    }
}
