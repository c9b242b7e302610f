using Digest.Domain.Posts;

namespace Digest.Infrastructure.Hugo;

/// <summary>
/// Turns a read Hugo post into a new domain <see cref="Post"/>: marked as imported, with its front matter, its
/// sections in order, Published when the old blog had it out (<c>draft: false</c>) and, given the old base URL,
/// the feed guid the old blog's RSS used.
/// </summary>
public sealed class HugoPostMapper(TimeProvider time)
{
    public Post ToPost(HugoPost source, HugoImportOptions? options = null, IReadOnlyList<string>? notes = null)
    {
        options ??= new HugoImportOptions();
        var now = time.GetUtcNow().UtcDateTime;
        var front = source.FrontMatter;
        var author = front.Author ?? options.DefaultAuthor;
        var post = Post.CreateDraft(source.Slug, front.Title, front.Date, author, PostOrigin.Imported, now);
        post.SetMetadata(new PostMetadata(front.Title, source.Slug, front.Description, front.Date, author, front.Tags, front.Flags, front.Cover), now);
        foreach (var section in source.Sections)
        {
            var text = section.Text;
            var kept = new Section(section.Kind, text.Heading, text.Body, text.Benefits, text.Ramifications, text.PredictedWhen);
            if (section.Markdown is not null)
            {
                kept.KeepMarkdown(section.Lead, section.Markdown);
            }

            post.AddSection(kept);
        }

        var from = source.FileName;
        if (options.OldBaseUrl is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl))
        {
            from = OldPermalink(source, baseUrl, options.Section, options.Permalink);
            post.KeepFeedId(from);
        }

        post.RecordImportSource(from, now, source.Head, notes ?? []);

        post.KeepOldAddresses(OldAddressesOf(source, options.Section, options.Permalink), $"/posts/{post.Slug}/");

        if (!front.Draft)
        {
            post.MarkImportedAsPublished(front.Date);
        }

        return post;
    }

    /// <summary>
    /// Where the old blog answered for the post besides <c>/posts/&lt;slug&gt;/</c>: its <c>url</c>, its old section
    /// path when that was not "posts", and its <c>aliases</c> (a relative alias is relative to the section, as in Hugo).
    /// </summary>
    public static IEnumerable<string> OldAddressesOf(HugoPost source, string section = "posts", string? permalink = null)
    {
        yield return HugoSlugs.OldPath(source, section, permalink);
        foreach (var alias in source.FrontMatter.Aliases)
        {
            yield return alias.StartsWith('/') || alias.Contains("://", StringComparison.Ordinal)
                ? alias
                : $"/{section.Trim('/')}/{alias}";
        }
    }

    /// <summary>The permalink Hugo gave the post, which its RSS feed used as the item guid.</summary>
    public static string OldPermalink(HugoPost source, string baseUrl, string section = "posts", string? permalink = null) =>
        baseUrl.Trim().TrimEnd('/') + HugoSlugs.OldPath(source, section, permalink);
}
