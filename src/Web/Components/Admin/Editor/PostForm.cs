using System.Text.Json;
using Digest.Domain.Common;
using Digest.Domain.Posts;
using Digest.Infrastructure.Editing;

namespace Digest.Web.Components.Admin.Editor;

/// <summary>
/// The post as the editor's form holds it while they type: plain settable values, serialisable for autosave,
/// turned into a <see cref="PostEdit"/> on save and into a throw-away <see cref="Post"/> for the preview and checks.
/// Dates are wall-clock times in the site's time zone.
/// </summary>
public sealed class PostForm
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid PostId { get; set; }
    /// <summary>The version this form was loaded from; a save against an older one is a conflict.</summary>
    public Guid BaseVersion { get; set; }
    public PostOrigin Origin { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public DateTime Date { get; set; }
    public string Author { get; set; } = "";
    public string? Description { get; set; }
    public string Tags { get; set; } = "";
    public string? CoverImage { get; set; }
    public string? CoverAlt { get; set; }
    public bool CoverHidden { get; set; } = true;
    public bool ShowToc { get; set; }
    public bool TocOpen { get; set; }
    public bool ShowReadingTime { get; set; }
    public bool ShowWordCount { get; set; }
    public Guid? NoticeId { get; set; }
    public string? Notice { get; set; }
    /// <summary>Where the notice stands among the sections, so saving an imported post never moves it.</summary>
    public int NoticePosition { get; set; }
    /// <summary>The notice as imported, so the preview shows what the public page shows until it is edited.</summary>
    public SectionForm? NoticeSource { get; set; }
    public List<SectionForm> Sections { get; set; } = [];

    public static PostForm From(Post post, TimeZoneInfo zone)
    {
        var notice = post.Sections.FirstOrDefault(s => s.Kind == SectionKind.Notice);
        return new PostForm
        {
            PostId = post.Id,
            BaseVersion = post.Version,
            Origin = post.Origin,
            Title = post.Title,
            Slug = post.Slug,
            Date = SiteTime.FromUtc(post.Date, zone),
            Author = post.Author,
            Description = post.Description,
            Tags = string.Join(", ", post.Tags),
            CoverImage = post.Cover.Image,
            CoverAlt = post.Cover.Alt,
            CoverHidden = post.Cover.Hidden,
            ShowToc = post.Flags.ShowToc,
            TocOpen = post.Flags.TocOpen,
            ShowReadingTime = post.Flags.ShowReadingTime,
            ShowWordCount = post.Flags.ShowWordCount,
            NoticeId = notice?.Id,
            Notice = notice is null ? null : notice.Body ?? notice.Heading,
            NoticePosition = notice is null ? 0 : post.Sections.TakeWhile(s => s != notice).Count(),
            NoticeSource = notice is null ? null : SectionForm.From(notice),
            Sections = [.. post.Sections.Where(s => s != notice).Select(SectionForm.From)],
        };
    }

    public IReadOnlyList<string> TagList => [.. Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>What must be fixed before the form can be saved at all (quality problems only block approval).</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = "A post needs a title.";
        }
        else if (Title.Trim().Length > 300)
        {
            errors["title"] = "Keep the title under 300 characters.";
        }

        try
        {
            Digest.Domain.Posts.Slugs.Normalize(Slug);
        }
        catch (DomainException)
        {
            errors["slug"] = "The slug needs at least one letter or digit.";
        }

        if (string.IsNullOrWhiteSpace(Author))
        {
            errors["author"] = "Name an author.";
        }

        if (CoverImage is { Length: > 0 } image && !Uri.TryCreate(image.Trim(), UriKind.RelativeOrAbsolute, out _))
        {
            errors["cover"] = "The cover image must be a URL or a path on this site.";
        }

        foreach (var section in Sections)
        {
            if (section.Heading?.Length > 1000)
            {
                errors[$"heading-{section.Id}"] = "Keep the heading under 1000 characters.";
            }

            if (section.PredictedWhen?.Length > 100)
            {
                errors[$"when-{section.Id}"] = "Keep the predicted date short, e.g. 2030.";
            }
        }

        return errors;
    }

    public PostEdit ToEdit(TimeZoneInfo zone)
    {
        var sections = Sections.Select(s => new SectionEdit(s.Id, s.Text) { Kind = s.Kind }).ToList();
        if (!string.IsNullOrWhiteSpace(Notice))
        {
            var notice = NoticeSource is { } source && source.Body == Notice ? source.Text : new SectionText(null, Notice);
            sections.Insert(Math.Min(NoticePosition, sections.Count), new SectionEdit(NoticeId ?? Guid.NewGuid(), notice) { Kind = SectionKind.Notice });
        }

        return new PostEdit(PostId, BaseVersion, Title, sections)
        {
            Metadata = Metadata(SiteTime.ToUtc(Date, zone)),
            IsComplete = true,
        };
    }

    /// <summary>A post built from the form, never saved: the preview renders it and the checks read it.</summary>
    public Post ToPreviewPost(TimeZoneInfo zone, DateTime now)
    {
        var slug = Validate().ContainsKey("slug") ? "preview" : Slug;
        var post = Post.CreateDraft(slug, string.IsNullOrWhiteSpace(Title) ? "(no title)" : Title, SafeUtc(zone), Author, Origin, now);
        var forms = Sections.ToList();
        if (!string.IsNullOrWhiteSpace(Notice))
        {
            var notice = NoticeSource is { } source && source.Body == Notice ? source : new SectionForm { Id = NoticeId ?? Guid.NewGuid(), Kind = SectionKind.Notice, Body = Notice };
            forms.Insert(Math.Min(NoticePosition, forms.Count), notice);
        }

        foreach (var form in forms)
        {
            var section = post.AddSection(Section.From(form.Kind, form.Text));
            section.LinkThread(form.ThreadUrl);
            form.KeepSourceOn(section);
            foreach (var source in form.Sources)
            {
                section.AddSource(new SectionSource(null, source.Label, source.Url, source.Reason));
            }
        }

        post.SetMetadata(Metadata(SafeUtc(zone)) with { Slug = slug, Title = post.Title }, now);
        return post;
    }

    /// <summary>The title and sections as text, to compare two versions line by line.</summary>
    public string ToComparableText()
    {
        var sections = new List<(SectionKind, SectionText)>();
        if (!string.IsNullOrWhiteSpace(Notice))
        {
            sections.Add((SectionKind.Notice, new SectionText(null, Notice)));
        }

        sections.AddRange(Sections.Select(s => (s.Kind, s.Text)));
        var metadata = $"slug: {Slug}\ndate: {Date:yyyy-MM-dd HH:mm}\nauthor: {Author}\ntags: {Tags}\ncover: {CoverImage} {CoverAlt}\n";
        return metadata + TextDiff.Of(Title, sections);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PostForm? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PostForm>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Same content, whatever version it was based on.</summary>
    public bool SameContentAs(PostForm other)
    {
        var mine = ToJson().Replace(BaseVersion.ToString(), "", StringComparison.Ordinal);
        var theirs = other.ToJson().Replace(other.BaseVersion.ToString(), "", StringComparison.Ordinal);
        return mine == theirs;
    }

    public void Move(SectionForm section, int by)
    {
        var from = Sections.IndexOf(section);
        var to = Math.Clamp(from + by, 0, Sections.Count - 1);
        Sections.RemoveAt(from);
        Sections.Insert(to, section);
    }

    private PostMetadata Metadata(DateTime dateUtc) => new(
        Title, Slug, Description, dateUtc, Author.Trim(), TagList,
        new PostFlags(ShowToc, TocOpen, ShowReadingTime, ShowWordCount),
        new Cover(Blank(CoverImage), Blank(CoverAlt), CoverHidden));

    private DateTime SafeUtc(TimeZoneInfo zone)
    {
        try
        {
            return SiteTime.ToUtc(Date, zone);
        }
        catch (DomainException)
        {
            return DateTime.SpecifyKind(Date, DateTimeKind.Utc);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One section in the form. A section the editor added has an id the post does not know yet.</summary>
public sealed class SectionForm
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public SectionKind Kind { get; set; }
    public string? Heading { get; set; }
    public string? Body { get; set; }
    public string? Benefits { get; set; }
    public string? Ramifications { get; set; }
    public string? PredictedWhen { get; set; }
    /// <summary>"What the thread said" (topics written from a discussion); the editor keeps, edits or empties it.</summary>
    public string? Thread { get; set; }
    public string? ThreadUrl { get; set; }
    public List<SourceLink> Sources { get; set; } = [];
    /// <summary>An imported section's Markdown as written, what stood before it, and the text it was read as.</summary>
    public string? Markdown { get; set; }
    public string? Lead { get; set; }
    public SectionText? ReadAs { get; set; }

    public SectionText Text => new(Heading, Body, Benefits, Ramifications, PredictedWhen, Thread);

    /// <summary>The preview renders an unedited imported section from its Markdown, as the public page does.</summary>
    public void KeepSourceOn(Section section)
    {
        if (Markdown is not null && ReadAs == section.Text)
        {
            section.KeepMarkdown(Lead, Markdown);
        }
        else if (Lead is not null)
        {
            section.KeepMarkdown(Lead, null);
        }
    }

    public static SectionForm From(Section s) => new()
    {
        Markdown = s.Markdown,
        Lead = s.Lead,
        ReadAs = s.Text,
        Id = s.Id,
        Kind = s.Kind,
        Heading = s.Heading,
        Body = s.Body,
        Benefits = s.Benefits,
        Ramifications = s.Ramifications,
        PredictedWhen = s.PredictedWhen,
        Thread = s.Thread,
        ThreadUrl = s.ThreadUrl,
        Sources = [.. s.Sources.Select(x => new SourceLink(x.Label, x.Url, x.Reason))],
    };
}

public sealed record SourceLink(string Label, string Url, string? Reason);
