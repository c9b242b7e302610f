using Digest.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Data.EntityConfigurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.ToTable("site_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(1000);
        builder.Property(s => s.BaseUrl).HasMaxLength(500);
        builder.Property(s => s.PostTitle).HasMaxLength(300);
        builder.Property(s => s.Author).HasMaxLength(200);
        builder.Property(s => s.NoticeText).HasMaxLength(2000);
        builder.Property(s => s.ScheduleCron).HasMaxLength(100);
        builder.Property(s => s.TimeZone).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.RoundupDay).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(s => s.Cover, cover =>
        {
            cover.Property(c => c.Image).HasMaxLength(2000);
            cover.Property(c => c.Alt).HasMaxLength(500);
        });
    }
}
