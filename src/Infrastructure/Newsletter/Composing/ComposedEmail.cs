using System.Globalization;
using System.Net;
using MimeKit;

namespace Digest.Infrastructure.Newsletter.Composing;

/// <summary>
/// An email written once for everyone it goes to: subject, HTML and text, with <see cref="UnsubscribeMark"/> where each
/// reader's own unsubscribe link goes. <see cref="For"/> makes one reader's message of it.
/// </summary>
public sealed record ComposedEmail(string Subject, string Html, string Text)
{
    public const string UnsubscribeMark = "%%unsubscribe-url%%";

    /// <summary>One reader's message: their unsubscribe link in the footer and in <c>List-Unsubscribe</c> (RFC 2369), with
    /// <c>List-Unsubscribe-Post</c> (RFC 8058) so mail clients can unsubscribe them in one click without opening a page.</summary>
    /// <param name="messageId">Stable per mailing and reader: a message sent again after a crash has the same id.</param>
    public MimeMessage For(MailboxAddress from, string to, Uri? unsubscribeUrl, string messageId, DateTimeOffset date, string? listId)
    {
        var message = new MimeMessage { Subject = Subject, MessageId = messageId, Date = date };
        message.From.Add(from);
        message.To.Add(new MailboxAddress("", to));
        var unsubscribe = unsubscribeUrl?.AbsoluteUri ?? "";
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        if (listId is not null)
        {
            message.Headers.Add("List-Id", listId);
        }

        var body = new BodyBuilder
        {
            HtmlBody = Html.Replace(UnsubscribeMark, WebUtility.HtmlEncode(unsubscribe), StringComparison.Ordinal),
            TextBody = Text.Replace(UnsubscribeMark, unsubscribe, StringComparison.Ordinal),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static string MessageIdFor(Guid mailingId, Guid subscriberId, Uri site) =>
        string.Create(CultureInfo.InvariantCulture, $"{mailingId:N}.{subscriberId:N}@{site.Host}");
}
