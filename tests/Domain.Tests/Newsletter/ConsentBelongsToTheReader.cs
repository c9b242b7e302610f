using Digest.Domain.Common;
using Digest.Domain.Newsletter;

namespace Digest.Domain.Tests.Newsletter;

public sealed class ConsentBelongsToTheReader
{
    private static readonly DateTime Now = new(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Neither_an_import_nor_an_admin_makes_an_unsubscribed_reader_active_again()
    {
        var reader = Subscriber.Imported(EmailAddress.Parse("ada@example.com"), DeliveryFrequency.Daily, Now);
        reader.Unsubscribe(Now);

        Assert.False(reader.ActivateFromImport(DeliveryFrequency.Daily, Now));
        Assert.Throws<DomainException>(() => reader.ReactivateBounced(Now));
        Assert.Equal(SubscriberStatus.Unsubscribed, reader.Status);
    }

    [Fact]
    public void A_reader_is_bounced_after_the_set_number_of_permanent_refusals_in_a_row()
    {
        var reader = Subscriber.Imported(EmailAddress.Parse("ada@example.com"), DeliveryFrequency.Daily, Now);
        reader.RefusedPermanently("550 no such user", bounceAfter: 3, Now);
        reader.RefusedPermanently("550 no such user", bounceAfter: 3, Now);
        reader.DeliveredOnce();
        reader.RefusedPermanently("550 no such user", bounceAfter: 3, Now);
        reader.RefusedPermanently("550 no such user", bounceAfter: 3, Now);
        Assert.Equal(SubscriberStatus.Active, reader.Status);

        reader.RefusedPermanently("550 no such user", bounceAfter: 3, Now);
        Assert.Equal(SubscriberStatus.Bounced, reader.Status);
        Assert.Equal("550 no such user", reader.LastFailure);
    }

    [Fact]
    public void A_confirmation_link_stops_working_when_it_expires_or_the_reader_unsubscribes()
    {
        var reader = Subscriber.RequestedFromForm(EmailAddress.Parse("ada@example.com"), DeliveryFrequency.Weekly, Now);
        reader.IssueConfirmation(Tokens.Hash("x"), Now.AddHours(48), Now);
        Assert.Throws<DomainException>(() => reader.Confirm(Now.AddHours(48)));

        reader.IssueConfirmation(Tokens.Hash("y"), Now.AddHours(50), Now);
        reader.Unsubscribe(Now.AddHours(1));
        Assert.Null(reader.ConfirmationTokenHash);
        Assert.Throws<DomainException>(() => reader.Confirm(Now.AddHours(2)));
    }
}
