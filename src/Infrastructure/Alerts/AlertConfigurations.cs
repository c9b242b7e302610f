using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Alerts;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.ToTable("alert_rules");
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.IsOn);
    }
}

internal sealed class AlertWebhookConfiguration : IEntityTypeConfiguration<AlertWebhook>
{
    public void Configure(EntityTypeBuilder<AlertWebhook> builder)
    {
        builder.ToTable("alert_webhooks");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Url).HasMaxLength(2000);
        builder.Property(w => w.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Secret).HasMaxLength(200);
        builder.Ignore(w => w.SafeUrl);
    }
}

internal sealed class AlertSettingsConfiguration : IEntityTypeConfiguration<AlertSettings>
{
    public void Configure(EntityTypeBuilder<AlertSettings> builder)
    {
        builder.ToTable("alert_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class AlertNoticeConfiguration : IEntityTypeConfiguration<AlertNotice>
{
    public void Configure(EntityTypeBuilder<AlertNotice> builder)
    {
        builder.ToTable("alert_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(2000);
        builder.Property(n => n.LastError).HasMaxLength(2000);
        builder.Property(n => n.Version).IsConcurrencyToken();
        // One problem, one notice: the insert is the claim.
        builder.HasIndex(n => new { n.Kind, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.CompletedAt, n.NextAttemptAt });
    }
}
