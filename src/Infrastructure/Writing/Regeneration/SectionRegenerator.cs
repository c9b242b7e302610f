using Digest.Domain.Common;
using Digest.Domain.Generation;
using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Writing.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Writing.Regeneration;

/// <summary>
/// Regenerates one section of a post with the configured model, optionally following an instruction ("shorter",
/// "more technical"). The result is a proposal with a diff; nothing changes until it is accepted, and accepting
/// goes through the editor's normal save (a new revision, with the concurrency check).
/// </summary>
public sealed class SectionRegenerator(DigestDbContext db, WriterRunContext context, IServiceProvider services, TimeProvider clock)
{
    public const int MaxInstructionLength = 500;
    public const string NoModel = "No model is configured (Digest:Llm:Provider is Offline): the offline writer can only quote the source, so there is nothing to propose.";

    public async Task<RegenerationProposal> ProposeAsync(Guid postId, Guid sectionId, string? instruction, CancellationToken cancellationToken = default)
    {
        if (instruction?.Length > MaxInstructionLength)
        {
            throw new DomainException($"Keep the instruction under {MaxInstructionLength} characters.");
        }

        var post = await db.Posts.AsNoTracking().Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new PostNotFoundException(postId.ToString());
        var section = post.FindSection(sectionId);
        if (section.Kind is not (SectionKind.Topic or SectionKind.Trending or SectionKind.Prediction))
        {
            throw new DomainException("Only topics, trending headlines and predictions are written by the model; edit this section by hand.");
        }

        var current = section.Text;
        if (services.GetService<ModelWriter>() is not { } writer)
        {
            return Unchanged(post, section, "offline (no model)", NoModel);
        }

        var brief = section.Kind == SectionKind.Prediction ? null : await BriefAsync(section, cancellationToken);
        if (brief is not null && section.Kind == SectionKind.Topic)
        {
            // The same discussion the draft was written from, as kept with the section.
            var kept = await services.GetRequiredService<Grounding.PostGrounding>().SourcesAsync(section.Id, cancellationToken);
            brief = brief with { Threads = kept.Threads() };
        }

        var edition = post.EditionDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        context.For(ModelCallPurpose.Regeneration);
        var proposed = await writer.RewriteAsync(section.Kind, brief, current, instruction, edition, cancellationToken);
        var label = brief?.Title ?? current.Heading ?? "";
        if (writer.Usage.ProblemWith(section.Kind, label) is { } problem)
        {
            return Unchanged(post, section, writer.Name, "The model could not write a new version: " + problem);
        }

        var model = writer.Usage.Outcomes is [.., var last] ? last.Model ?? writer.Name : writer.Name;
        return new RegenerationProposal(post.Id, section.Id, post.Version, section.Kind, current, proposed,
            RegenerationProposal.Compare(section.Kind, current, proposed), model, null);
    }

    /// <summary>Replaces the section's text with the proposal through the normal save path (a new revision).</summary>
    public async Task<Post> AcceptAsync(RegenerationProposal proposal, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (!proposal.CanAccept)
        {
            throw new DomainException(proposal.Problem ?? "The proposal is the same as the current text.");
        }

        var editor = services.GetRequiredService<PostEditor>();
        var post = await editor.FindAsync(proposal.PostId.ToString(), cancellationToken);
        return await editor.SaveAsync(
            new PostEdit(post.Id, proposal.BaseVersion, post.Title, [new SectionEdit(proposal.SectionId, proposal.Proposed)]), by, cancellationToken);
    }

    private static RegenerationProposal Unchanged(Post post, Section section, string writtenBy, string problem) =>
        new(post.Id, section.Id, post.Version, section.Kind, section.Text, section.Text, RegenerationProposal.Compare(section.Kind, section.Text, section.Text), writtenBy, problem);

    /// <summary>What the model is told about the section's story: the lead source item's own text when it is still stored.</summary>
    private async Task<TopicBrief> BriefAsync(Section section, CancellationToken cancellationToken)
    {
        var lead = section.Sources.Count > 0 ? section.Sources[0] : throw new DomainException("This section has no source to write from; edit it by hand.");
        if (lead.SourceItemId is { } itemId && await db.SourceItems.AsNoTracking()
                .Where(i => i.Id == itemId)
                .Join(db.Sources, i => i.SourceId, s => s.Id, (i, s) => new { Item = i, Source = s })
                .SingleOrDefaultAsync(cancellationToken) is { } row)
        {
            return new Candidate(row.Item, row.Source, 0, "").ToBrief();
        }

        return new TopicBrief(section.Heading ?? lead.Label, lead.Url, null, lead.Label, null, null, null);
    }
}
