using Digest.Infrastructure.Writing.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class PromptVersionConfiguration : IEntityTypeConfiguration<PromptVersion>
{
    public void Configure(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.ToTable("prompt_versions");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Text).HasMaxLength(20_000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        // Two admins saving at once would both pick the next number: the index turns the second into a conflict.
        builder.HasIndex(p => new { p.Name, p.Version }).IsUnique();
        builder.HasIndex(p => new { p.Name, p.IsActive });
        builder.Ignore(p => p.Label);
    }
}
