using System.Globalization;
using System.Text;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Publishing;
using Microsoft.EntityFrameworkCore;
using static Digest.Infrastructure.Newsletter.Composing.EmailLayout;

namespace Digest.Infrastructure.Newsletter.Composing;

/// <summary>
/// Writes the newsletter's emails: a post (its full text with sources, and the disclosure of who wrote and who
/// approved it), the weekly roundup, and the confirmation that double opt-in asks for. Each is HTML plus a plain-text part.
/// </summary>
public sealed class NewsletterComposer(DigestDbContext db)
{
    public async Task<ComposedEmail> ForPostAsync(Post post, NewsletterSite site, DeliveryFrequency audience, CancellationToken cancellationToken = default)
    {
        var url = site.PostUrl(post.Slug);
        var disclosure = await DisclosureAsync(post, cancellationToken);
        var subject = $"{post.Title} · {LongDate(post.Date)}";
        var meta = $"{LongDate(post.Date)} · {HugoCounts.ReadingMinutes(post.WordCount)} min read";
        var content = post.ContentHtml ?? "";

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"margin:0 0 6px;font-size:26px;line-height:1.25;color:{EmailPalette.Heading};\">{Link(url.AbsoluteUri, post.Title)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" style=\"margin:0 0 18px;font-size:14px;color:{EmailPalette.Muted};\">{Encode(meta)}</p>\n")
            .Append(Notice(Encode(disclosure)))
            .Append(Cover(post, url))
            .Append(EmailHtml.Prepare(content, url))
            .Append(CultureInfo.InvariantCulture, $"\n<p style=\"margin:24px 0 0;\">{Link(url.AbsoluteUri, "Read it on the site")}</p>");

        var text = new StringBuilder()
            .Append(post.Title).Append('\n').Append(new string('=', Math.Min(post.Title.Length, 72))).Append('\n')
            .Append(meta).Append("\n\n")
            .Append(disclosure).Append("\n\n")
            .Append(EmailText.FromHtml(content)).Append("\n\n")
            .Append("Read it on the site: ").Append(url.AbsoluteUri).Append('\n');

        return Finish(subject, Preheader(post), site, html.ToString(), text.ToString(), audience);
    }

    /// <summary>The week's posts, oldest first: each with its disclosure and its topics, each topic with its sources.</summary>
    public async Task<ComposedEmail> ForRoundupAsync(IReadOnlyList<Post> posts, DateTime periodStart, DateTime periodEnd, TimeZoneInfo zone, NewsletterSite site, CancellationToken cancellationToken = default)
    {
        var first = TimeZoneInfo.ConvertTimeFromUtc(periodStart, zone);
        var last = TimeZoneInfo.ConvertTimeFromUtc(periodEnd, zone).AddMinutes(-1);
        var span = $"{first.ToString("d MMM", CultureInfo.InvariantCulture)} – {last.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var subject = $"{site.Title}: the week's posts, {span}";
        var intro = posts.Count == 1 ? "One post this week." : $"{posts.Count} posts this week.";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"margin:0 0 6px;font-size:26px;line-height:1.25;color:{EmailPalette.Heading};\">The week in {Encode(site.Title)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" style=\"margin:0 0 18px;font-size:14px;color:{EmailPalette.Muted};\">{Encode(span)} · {Encode(intro)}</p>\n");
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"The week in {site.Title}\n").Append(new string('=', Math.Min(site.Title.Length + 12, 72))).Append('\n')
            .Append(span).Append(" · ").Append(intro).Append("\n\n");

        foreach (var post in posts)
        {
            var url = site.PostUrl(post.Slug);
            var disclosure = await DisclosureAsync(post, cancellationToken);
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"margin:28px 0 4px;font-size:20px;line-height:1.3;color:{EmailPalette.Heading};\">{Link(url.AbsoluteUri, post.Title)}</h2>\n")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"muted\" style=\"margin:0 0 10px;font-size:14px;color:{EmailPalette.Muted};\">{Encode(LongDate(post.Date))} · {Encode(disclosure)}</p>\n");
            text.Append(post.Title).Append(" · ").Append(LongDate(post.Date)).Append('\n').Append(url.AbsoluteUri).Append('\n').Append(disclosure).Append("\n\n");
            var topics = post.Sections.Where(s => s.Kind is SectionKind.Topic or SectionKind.Trending && !string.IsNullOrWhiteSpace(s.Heading)).OrderBy(s => s.Position).ToList();
            if (topics.Count > 0)
            {
                html.Append("<ul style=\"margin:0 0 14px;padding-left:24px;\">");
                foreach (var topic in topics)
                {
                    var sources = topic.Sources.Where(s => IsWebLink(s.Url)).ToList();
                    html.Append("<li style=\"margin:0 0 8px;\">").Append(Encode(topic.Heading!));
                    text.Append("- ").Append(topic.Heading);
                    if (sources.Count > 0)
                    {
                        html.Append(CultureInfo.InvariantCulture, $" <span class=\"muted\" style=\"color:{EmailPalette.Muted};font-size:14px;\">(").Append(string.Join(", ", sources.Select(s => Link(s.Url, s.Label)))).Append(")</span>");
                        text.Append(" (").Append(string.Join(", ", sources.Select(s => $"{s.Label} <{s.Url}>"))).Append(')');
                    }

                    html.Append("</li>");
                    text.Append('\n');
                }

                html.Append("</ul>\n");
                text.Append('\n');
            }

            html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 14px;\">{Link(url.AbsoluteUri, "Read the post")}</p>\n");
        }

        var preheader = string.Join(" · ", posts.SelectMany(p => p.Sections).Where(s => s.Kind == SectionKind.Topic && s.Heading is not null).Select(s => s.Heading!).Take(6));
        return Finish(subject, preheader, site, html.ToString(), text.ToString(), DeliveryFrequency.Weekly);
    }

    /// <summary>The double opt-in email: one link that confirms, when it stops working, and what to do if it was not them.</summary>
    public static ComposedEmail Confirmation(NewsletterSite site, Uri confirmUrl, DeliveryFrequency frequency, DateTime expiresAt)
    {
        var what = frequency == DeliveryFrequency.Weekly ? "a weekly roundup of its posts" : "each new post";
        var until = expiresAt.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"Confirm your subscription to {site.Title}";
        var intro = $"Someone, hopefully you, asked to get {what} of {site.Title} by email at this address.";
        var ignore = "If it was not you, ignore this email: without a confirmation you will not hear from us again.";
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"margin:0 0 12px;font-size:24px;line-height:1.3;color:{EmailPalette.Heading};\">Confirm your subscription</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 14px;\">{Encode(intro)}</p>\n")
            .Append(Button(confirmUrl.AbsoluteUri, "Yes, subscribe me"))
            .Append(CultureInfo.InvariantCulture, $"<p style=\"margin:0 0 14px;\">The link works until {Encode(until)}. {Encode(ignore)}</p>\n");
        var text = $"Confirm your subscription\n\n{intro}\n\nConfirm by opening this link:\n{confirmUrl.AbsoluteUri}\n\nThe link works until {until}. {ignore}\n";
        var footer = $"{Link(site.BaseUrl.AbsoluteUri, site.Title)} · sent because this address was entered in our subscribe form.";
        return new ComposedEmail(subject, Document(subject, intro, site.Title, site.BaseUrl, html.ToString(), footer),
            $"{text}\n-- \n{site.Title} <{site.BaseUrl.AbsoluteUri}>\n");
    }

    private static ComposedEmail Finish(string subject, string preheader, NewsletterSite site, string bodyHtml, string bodyText, DeliveryFrequency audience)
    {
        var other = audience == DeliveryFrequency.Daily ? "get the weekly roundup instead" : "get every post instead";
        var why = audience == DeliveryFrequency.Daily ? "each new post" : "a weekly roundup";
        var footerHtml = $"You get this email because you subscribed to {Link(site.BaseUrl.AbsoluteUri, site.Title)} ({why}).<br>"
            + $"<a href=\"{ComposedEmail.UnsubscribeMark}\" style=\"color:{EmailPalette.Muted};text-decoration:underline;\">Unsubscribe</a> or "
            + $"<a href=\"{ComposedEmail.UnsubscribeMark}\" style=\"color:{EmailPalette.Muted};text-decoration:underline;\">{Encode(other)}</a>.";
        var footerText = $"-- \nYou get this email because you subscribed to {site.Title} <{site.BaseUrl.AbsoluteUri}> ({why}).\n"
            + $"Unsubscribe or {other}: {ComposedEmail.UnsubscribeMark}\n";
        return new ComposedEmail(subject, Document(subject, preheader, site.Title, site.BaseUrl, bodyHtml, footerHtml), $"{bodyText.TrimEnd()}\n\n{footerText}");
    }

    /// <summary>Who wrote the post and which editor approved it, as the post page says it.</summary>
    private async Task<string> DisclosureAsync(Post post, CancellationToken cancellationToken)
    {
        var writer = post.WrittenBy is null ? null
            : post.WrittenBy.Contains("no model", StringComparison.OrdinalIgnoreCase) ? "Written by the offline writer, from the source items alone (no language model)."
            : $"Written by the language model {post.WrittenBy}.";
        string review;
        if (post.ReviewedBy is { Length: > 0 } reviewedBy)
        {
            var name = await db.Users.AsNoTracking()
                .Where(u => (u.UserName == reviewedBy || u.Email == reviewedBy) && u.DisplayName != null && u.DisplayName != "")
                .Select(u => u.DisplayName)
                .FirstOrDefaultAsync(cancellationToken) ?? reviewedBy;
            review = post.ReviewedAt is { } at
                ? $"Read, reviewed and approved by {name.Trim()} on {LongDate(at)}."
                : $"Read, reviewed and approved by {name.Trim()}.";
        }
        else
        {
            review = "Not reviewed by an editor.";
        }

        var sources = post.Sections.Any(s => s.Sources.Count > 0) ? " Each topic links the community posts it was written from." : "";
        return (writer is null ? review : $"{writer} {review}") + sources;
    }

    private static string Cover(Post post, Uri url) =>
        post.Cover is { Hidden: false, Image: { Length: > 0 } image } && Uri.TryCreate(url, image, out var src) && (src.Scheme == Uri.UriSchemeHttps || src.Scheme == Uri.UriSchemeHttp)
            ? $"<p style=\"margin:0 0 18px;\"><img src=\"{Encode(src.AbsoluteUri)}\" alt=\"{Encode(post.Cover.Alt ?? "")}\" width=\"544\" style=\"max-width:100%;height:auto;border:0;display:block;border-radius:6px;\"></p>\n"
            : "";

    private static string Preheader(Post post)
    {
        var topics = post.Sections.Where(s => s.Kind == SectionKind.Topic && !string.IsNullOrWhiteSpace(s.Heading)).OrderBy(s => s.Position).Select(s => s.Heading!).ToList();
        return topics.Count > 0 ? PlainText.Excerpt(string.Join(" · ", topics), 200) : PlainText.Excerpt(post.Description ?? post.Title, 200);
    }

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string LongDate(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
