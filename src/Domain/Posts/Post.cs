using Digest.Domain.Common;

namespace Digest.Domain.Posts;

/// <summary>
/// A daily digest post. Its workflow is Draft → InReview → Scheduled/Published, or Rejected; every
/// change of status goes through a method here that checks the move and records who made it and when.
/// </summary>
public sealed class Post
{
    private readonly List<Section> _sections = [];
    private readonly List<PostTransition> _transitions = [];

    private Post() { }

    private Post(string slug, string title, DateTime date, string author, PostOrigin origin, DateTime now)
    {
        Id = Guid.NewGuid();
        Slug = Slugs.Normalize(slug);
        Title = RequireTitle(title);
        Date = date;
        Author = author;
        Origin = origin;
        CreatedAt = now;
        UpdatedAt = now;
        Version = Guid.NewGuid();
        FeedId = $"urn:uuid:{Id}";
    }

    public Guid Id { get; private set; }
    /// <summary>The guid/id of the post in feeds. Never changes, so an edit never notifies subscribers again;
    /// imported posts keep the guid the old blog gave them.</summary>
    public string FeedId { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    /// <summary>The day this post is the digest of; set for generated posts and unique among them.</summary>
    public DateOnly? EditionDate { get; private set; }
    /// <summary>The date shown to readers (front matter date for imports, creation time for generated posts).</summary>
    public DateTime Date { get; private set; }
    public string Author { get; private set; } = "";
    public List<string> Tags { get; private set; } = [];
    /// <summary>Paths the post answered at on the old blog (see <see cref="OldAddresses"/>); each redirects here permanently.</summary>
    public List<string> Aliases { get; private set; } = [];
    public PostFlags Flags { get; private set; } = PostFlags.HouseDefault;
    public Cover Cover { get; private set; } = Cover.None;
    public PostOrigin Origin { get; private set; }
    public PostStatus Status { get; private set; }
    /// <summary>"offline (no model)", a model name, or null for imported and hand-written posts.</summary>
    public string? WrittenBy { get; private set; }
    public Guid? GenerationRunId { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? ScheduledFor { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? QualityOverride { get; private set; }
    /// <summary>Sanitised HTML of the body, rendered once when the post is published or edited while published.</summary>
    public string? ContentHtml { get; private set; }
    public int WordCount { get; private set; }
    /// <summary>A hash of the file an imported post was last read from, so importing the same file again changes nothing.</summary>
    public string? ImportChecksum { get; private set; }
    /// <summary>Where an imported post came from, as the person importing named it (a Hugo site, a folder, an upload, with the file).</summary>
    public string? ImportedFrom { get; private set; }
    /// <summary>When an imported post was last read from its file.</summary>
    public DateTime? ImportedAt { get; private set; }
    /// <summary>What the importer was not sure of in this post (layouts kept as free text, keys not kept), shown in the editor.</summary>
    public List<string> ImportNotes { get; private set; } = [];
    /// <summary>
    /// The front matter of the file an imported post came from, exactly as written (with its <c>---</c> lines), so
    /// an export gives the file back byte for byte; keys the editor changed are rewritten in it, the rest stays.
    /// </summary>
    public string? SourceFrontMatter { get; private set; }
    /// <summary>The post's words as plain text (tags, description and body; the title has a column of its own), kept with
    /// the rendering for full-text search, so the index never has to read HTML.</summary>
    public string? SearchText { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token: a new value on every change, so two editors cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<Section> Sections => _sections;
    public IReadOnlyList<PostTransition> Transitions => _transitions;

    public bool IsPublic => Status == PostStatus.Published;

    public static Post CreateDraft(string slug, string title, DateTime date, string author, PostOrigin origin, DateTime now) =>
        new(slug, title, date, author, origin, now);

    public static Post CreateGeneratedDraft(DateOnly edition, string title, string author, string writtenBy, Guid runId, DateTime now)
    {
        var post = new Post(Slugs.ForEdition(edition), title, now, author, PostOrigin.Generated, now)
        {
            EditionDate = edition,
            WrittenBy = writtenBy,
            GenerationRunId = runId,
        };
        return post;
    }

    public void SetMetadata(PostMetadata metadata, DateTime now)
    {
        Title = RequireTitle(metadata.Title);
        Slug = Slugs.Normalize(metadata.Slug);
        Description = string.IsNullOrWhiteSpace(metadata.Description) ? null : metadata.Description.Trim();
        Date = metadata.Date;
        Author = metadata.Author.Trim();
        Tags = [.. metadata.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        Flags = metadata.Flags;
        Cover = metadata.Cover;
        Touch(now);
    }

    public Section AddSection(Section section)
    {
        section.Position = _sections.Count;
        _sections.Add(section);
        return section;
    }

    /// <summary>Puts the sections in the given order; every current section must be named once.</summary>
    public void ReorderSections(IReadOnlyList<Guid> order, DateTime now)
    {
        if (order.Count != _sections.Count || order.Distinct().Count() != order.Count || order.Any(id => _sections.All(s => s.Id != id)))
        {
            throw new DomainException("The new order must name every section of the post exactly once.");
        }

        var kinds = _sections.Select(s => s.Kind).ToList();
        var leads = _sections.Select(s => s.Lead).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            _sections.Single(s => s.Id == order[i]).Position = i;
        }

        _sections.Sort((a, b) => a.Position.CompareTo(b.Position));
        KeepLeadsInPlace(kinds, leads);
        Touch(now);
    }

    public void RemoveSection(Guid sectionId, DateTime now)
    {
        var section = FindSection(sectionId);
        var index = _sections.IndexOf(section);
        // A kept part heading ("## Currently trending topics") belongs to the part, not to its first item.
        if (HouseFormat.HasText(section.Lead) && index + 1 < _sections.Count && _sections[index + 1].Kind == section.Kind)
        {
            _sections[index + 1].Lead = section.Lead;
        }

        _sections.Remove(section);
        for (var i = 0; i < _sections.Count; i++)
        {
            _sections[i].Position = i;
        }

        Touch(now);
    }

    /// <summary>
    /// Kept leads (part headings, blank lines as written) belong to places in the post, not to the sections in them:
    /// moving sections within their parts leaves the frame where it was. When sections change parts, the house
    /// format writes the whole frame again, so no heading ends up above the wrong part.
    /// </summary>
    private void KeepLeadsInPlace(List<SectionKind> kindsBefore, List<string?> leadsBefore)
    {
        var sameParts = _sections.Select(s => s.Kind).SequenceEqual(kindsBefore);
        for (var i = 0; i < _sections.Count; i++)
        {
            _sections[i].Lead = sameParts ? leadsBefore[i] : null;
        }
    }

    public void RewriteSection(Guid sectionId, SectionText text, DateTime now)
    {
        FindSection(sectionId).Rewrite(text);
        Touch(now);
    }

    public Section FindSection(Guid sectionId) =>
        _sections.FirstOrDefault(s => s.Id == sectionId) ?? throw new DomainException("That section is not part of this post.");

    /// <summary>What would stop this post from being approved; empty when it is fit to publish.</summary>
    public IReadOnlyList<string> Problems() => PostChecks.Find(this);

    public void SubmitForReview(string by, DateTime at) => MoveTo(PostStatus.InReview, by, at, note: null, PostStatus.Draft);

    /// <summary>Approves the post and publishes it now. Problems block approval unless the editor overrides them with a reason.</summary>
    public void ApproveAndPublish(string by, DateTime at, string? overrideReason = null)
    {
        CheckApprovable(overrideReason);
        MoveTo(PostStatus.Published, by, at, overrideReason, PostStatus.Draft, PostStatus.InReview, PostStatus.Scheduled);
        MarkReviewed(by, at, overrideReason);
        ScheduledFor = null;
        PublishedAt ??= at;
    }

    /// <summary>Approves the post to go out at <paramref name="when"/>; a recurring job publishes it then.</summary>
    public void Schedule(string by, DateTime at, DateTime when, string? overrideReason = null)
    {
        if (when <= at)
        {
            throw new DomainException("A post can only be scheduled for a time in the future; publish it now instead.");
        }

        CheckApprovable(overrideReason);
        MoveTo(PostStatus.Scheduled, by, at, $"for {when:yyyy-MM-dd HH:mm} UTC", PostStatus.Draft, PostStatus.InReview, PostStatus.Scheduled);
        MarkReviewed(by, at, overrideReason);
        ScheduledFor = when;
    }

    /// <summary>Publishes a scheduled post whose time has come; false when it is not yet due.</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (Status != PostStatus.Scheduled || ScheduledFor > now)
        {
            return false;
        }

        MoveTo(PostStatus.Published, "schedule", now, null, PostStatus.Scheduled);
        ScheduledFor = null;
        PublishedAt ??= now;
        return true;
    }

    public void Reject(string by, DateTime at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Say why the post is rejected.");
        }

        MoveTo(PostStatus.Rejected, by, at, reason.Trim(), PostStatus.Draft, PostStatus.InReview, PostStatus.Scheduled);
        RejectionReason = reason.Trim();
        ScheduledFor = null;
    }

    /// <summary>Takes a published or scheduled post back to draft; it disappears from the public site.</summary>
    public void Unpublish(string by, DateTime at, string? note = null)
    {
        MoveTo(PostStatus.Draft, by, at, note, PostStatus.Published, PostStatus.Scheduled);
        ScheduledFor = null;
    }

    public void Reopen(string by, DateTime at) => MoveTo(PostStatus.Draft, by, at, null, PostStatus.Rejected, PostStatus.InReview);

    /// <summary>Imports keep the state they had on the old blog, without a reviewer.</summary>
    public void MarkImportedAsPublished(DateTime publishedAt)
    {
        if (Origin != PostOrigin.Imported)
        {
            throw new DomainException("Only imported posts can be published without review.");
        }

        Status = PostStatus.Published;
        PublishedAt = publishedAt;
    }

    public void KeepFeedId(string feedId)
    {
        if (Origin != PostOrigin.Imported || string.IsNullOrWhiteSpace(feedId))
        {
            throw new DomainException("Only an imported post keeps the feed id its old blog gave it.");
        }

        FeedId = feedId.Trim();
    }

    /// <summary>Keeps the old blog's addresses of an imported post; its own current path is never one of them.</summary>
    public void KeepOldAddresses(IEnumerable<string> addresses, string currentPath)
    {
        RequireImported("Only an imported post has addresses on the old blog.");
        var current = OldAddresses.Normalize(currentPath);
        Aliases = [.. addresses.Select(OldAddresses.Normalize).OfType<string>().Where(a => a != current).Distinct(StringComparer.Ordinal)];
    }

    public void RecordImport(string checksum)
    {
        RequireImported("Only an imported post records the file it came from.");
        ImportChecksum = checksum;
    }

    /// <summary>Records where and when an imported post was read, its front matter as written and what the importer was unsure of.</summary>
    public void RecordImportSource(string from, DateTime at, string? frontMatter, IEnumerable<string> notes)
    {
        RequireImported("Only an imported post records the file it came from.");
        ImportedFrom = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        ImportedAt = at;
        SourceFrontMatter = frontMatter;
        ImportNotes = [.. notes];
    }

    /// <summary>
    /// Brings an imported post up to date with a newer reading of its file: text, front matter, old addresses and
    /// whether it is out. Its id, feed id and history stay, so links, feeds and revisions keep pointing at it.
    /// </summary>
    public void ReplaceImported(Post newer, DateTime now)
    {
        RequireImported("Only an imported post is updated from its file.");
        if (newer.Origin != PostOrigin.Imported)
        {
            throw new DomainException("An imported post is only updated from another import.");
        }

        SetMetadata(new PostMetadata(newer.Title, newer.Slug, newer.Description, newer.Date, newer.Author, newer.Tags, newer.Flags, newer.Cover), now);
        _sections.Clear();
        foreach (var section in newer._sections)
        {
            AddSection(section);
        }

        newer._sections.Clear();
        Aliases = [.. newer.Aliases];
        ImportChecksum = newer.ImportChecksum;
        ImportedFrom = newer.ImportedFrom;
        ImportedAt = newer.ImportedAt;
        ImportNotes = [.. newer.ImportNotes];
        SourceFrontMatter = newer.SourceFrontMatter;
        ContentHtml = newer.ContentHtml;
        WordCount = newer.WordCount;
        SearchText = newer.SearchText;
        if (newer.Status == PostStatus.Published)
        {
            Status = PostStatus.Published;
            PublishedAt = newer.PublishedAt;
        }
        else if (Status == PostStatus.Published)
        {
            _transitions.Add(new PostTransition(Status, PostStatus.Draft, "import", now, "the file says draft: true"));
            Status = PostStatus.Draft;
        }
    }

    public void SetRendering(string html, int wordCount, string? searchText = null)
    {
        ContentHtml = html;
        WordCount = wordCount;
        SearchText = searchText;
    }

    private void RequireImported(string message)
    {
        if (Origin != PostOrigin.Imported)
        {
            throw new DomainException(message);
        }
    }

    private void CheckApprovable(string? overrideReason)
    {
        var problems = Problems();
        if (problems.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException("The post cannot be approved yet: " + string.Join("; ", problems));
        }
    }

    private void MarkReviewed(string by, DateTime at, string? overrideReason)
    {
        ReviewedBy = by;
        ReviewedAt = at;
        QualityOverride = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        RejectionReason = null;
    }

    private void MoveTo(PostStatus to, string by, DateTime at, string? note, params PostStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
        {
            throw new DomainException($"A post that is {Describe(Status)} cannot become {Describe(to)}.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            throw new DomainException("Every change of status needs the name of who made it.");
        }

        _transitions.Add(new PostTransition(Status, to, by, at, note));
        Status = to;
        Touch(at);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    private static string Describe(PostStatus status) => status switch
    {
        PostStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string RequireTitle(string title) =>
        string.IsNullOrWhiteSpace(title) ? throw new DomainException("A post needs a title.") : title.Trim();
}

/// <summary>The front-matter part of a post that an editor can change.</summary>
public sealed record PostMetadata(string Title, string Slug, string? Description, DateTime Date, string Author, IReadOnlyList<string> Tags, PostFlags Flags, Cover Cover);
