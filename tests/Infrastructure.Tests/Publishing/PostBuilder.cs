using Digest.Domain.Posts;

namespace Digest.Infrastructure.Tests.Publishing;

/// <summary>Builds posts for publishing tests through the domain's public API only.</summary>
internal sealed class PostBuilder
{
    public static readonly DateTime Morning = new(2026, 1, 2, 5, 30, 0, DateTimeKind.Utc);

    private readonly List<Section> _sections = [];
    private string _title = "[Daily Automated AI Summary]";
    private List<string> _tags = ["daily ai summary", "automated content"];
    private DateOnly _edition = new(2026, 1, 2);
    private string _writtenBy = "gpt-4o-mini";

    public PostBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    public PostBuilder Tagged(params string[] tags)
    {
        _tags = [.. tags];
        return this;
    }

    public PostBuilder ForEdition(DateOnly edition)
    {
        _edition = edition;
        return this;
    }

    public PostBuilder WrittenBy(string writer)
    {
        _writtenBy = writer;
        return this;
    }

    public PostBuilder WithNotice(string text = "This post has been automatically generated and does not reflect the views of the site owner, nor does it claim to be accurate.")
    {
        _sections.Add(new Section(SectionKind.Notice, null, text));
        return this;
    }

    public PostBuilder WithTopic(string heading, string benefits, string ramifications, params (string Label, string Url)[] sources)
    {
        var section = new Section(SectionKind.Topic, heading, null, benefits, ramifications);
        foreach (var (label, url) in sources.Length > 0 ? sources : [("r/MachineLearning · 342 points · 57 comments", "https://www.reddit.com/r/MachineLearning/comments/abc/")])
        {
            section.AddSource(new SectionSource(null, label, url));
        }

        _sections.Add(section);
        return this;
    }

    public PostBuilder WithTrending(string headline, string? body = null)
    {
        _sections.Add(new Section(SectionKind.Trending, headline, body));
        return this;
    }

    public PostBuilder WithPrediction(string subject, string when, string rationale)
    {
        _sections.Add(new Section(SectionKind.Prediction, subject, rationale, predictedWhen: when));
        return this;
    }

    public PostBuilder WithFree(string? heading, string body)
    {
        _sections.Add(new Section(SectionKind.Free, heading, body));
        return this;
    }

    public Post Draft(DateTime? now = null)
    {
        var at = now ?? Morning;
        var post = Post.CreateGeneratedDraft(_edition, _title, "Blog Agent", _writtenBy, Guid.NewGuid(), at);
        post.SetMetadata(new PostMetadata(_title, post.Slug, null, post.Date, post.Author, _tags, PostFlags.HouseDefault, Cover.None), at);
        if (_sections.Count == 0)
        {
            WithNotice().WithTopic("Dolly 2.0", "Open models help research.", "Open models can be misused.");
        }

        foreach (var section in _sections)
        {
            post.AddSection(section);
        }

        return post;
    }

    public Post Published(string editor = "Alice Editor", DateTime? at = null)
    {
        var when = at ?? Morning.AddHours(2);
        var post = Draft(when.AddHours(-2));
        post.ApproveAndPublish(editor, when);
        return post;
    }
}
