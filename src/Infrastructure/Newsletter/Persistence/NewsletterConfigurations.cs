using Digest.Domain.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digest.Infrastructure.Newsletter.Persistence;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> builder)
    {
        builder.ToTable("subscribers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RequestedFrequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Source).HasMaxLength(20);
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(64);
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();
        builder.Property(s => s.ConfirmationTokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
        builder.Property(s => s.LastFailure).HasMaxLength(500);
        builder.HasIndex(s => new { s.Status, s.Frequency });
        builder.Ignore(s => s.IsActive);
        builder.Ignore(s => s.OwesConfirmation);
    }
}

internal sealed class MailingConfiguration : IEntityTypeConfiguration<Mailing>
{
    public void Configure(EntityTypeBuilder<Mailing> builder)
    {
        builder.ToTable("mailings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Key).HasMaxLength(100);
        // A post, or a week, is mailed at most once, whichever process publishes it.
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => m.Status);
        builder.HasOne<Digest.Domain.Posts.Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.LeaseOwner).HasMaxLength(200);
        // Renewing the lease is conditional on still holding it: a worker that lost it cannot record another delivery.
        builder.Property(m => m.LeaseOwner).IsConcurrencyToken();
        builder.Ignore(m => m.IsFinished);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Error).HasMaxLength(1000);
        // Never the same mailing twice to one subscriber.
        builder.HasIndex(d => new { d.MailingId, d.SubscriberId }).IsUnique();
        builder.HasIndex(d => new { d.MailingId, d.Status });
        builder.HasIndex(d => d.SubscriberId);
        builder.HasOne<Mailing>().WithMany().HasForeignKey(d => d.MailingId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a subscriber on request deletes their deliveries too: nothing is kept but the suppression hash.
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("suppressions");
        builder.HasKey(s => s.Hash);
        builder.Property(s => s.Hash).HasMaxLength(64);
    }
}

internal sealed class NewsletterChoiceConfiguration : IEntityTypeConfiguration<NewsletterChoice>
{
    public void Configure(EntityTypeBuilder<NewsletterChoice> builder)
    {
        builder.ToTable("newsletter_choices");
        builder.HasKey(c => c.PostId);
        builder.Property(c => c.PostId).ValueGeneratedNever();
        builder.Property(c => c.ChosenBy).HasMaxLength(256);
        builder.HasOne<Digest.Domain.Posts.Post>().WithOne().HasForeignKey<NewsletterChoice>(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
