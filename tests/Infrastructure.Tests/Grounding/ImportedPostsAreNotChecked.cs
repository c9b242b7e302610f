using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.Infrastructure.Publishing;
using Digest.Infrastructure.Quality;
using Digest.Infrastructure.Writing.Grounding;
using Digest.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Grounding;

public sealed class ImportedPostsAreNotChecked
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_seed_archive_gets_no_grounding_findings_because_no_sources_were_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(s =>
        {
            s.AddSingleton(TimeProvider.System);
            s.AddPublishing();
            s.AddSingleton<Editing.IPublicSiteCache, Editing.NoPublicSiteCache>();
            s.AddHugoImportExport();
            s.AddQualityGate(new ConfigurationBuilder().Build());
        });
        await using (var scope = services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<HugoImporter>().ImportAsync(HugoArchiveReader.ReadFolder(FixtureFolder.Path("seed-archive")));
            Assert.Equal(20, report.Imported);
        }

        await using var check = services.CreateAsyncScope();
        var posts = await check.ServiceProvider.GetRequiredService<DigestDbContext>().Posts.AsNoTracking()
            .Include(p => p.Sections).ThenInclude(s => s.Sources).AsSplitQuery().ToListAsync();
        Assert.Equal(20, posts.Count);
        Assert.Contains(posts, p => p.Sections.Any(s => s.Kind == SectionKind.Topic));
        foreach (var post in posts)
        {
            var grounding = await check.ServiceProvider.GetRequiredService<PostGrounding>().CheckAsync(post);
            Assert.False(grounding.IsChecked, post.Slug);
            Assert.Empty(grounding.Findings());
            var problems = await check.ServiceProvider.GetRequiredService<QualityGate>().FindProblemsAsync(post);
            Assert.DoesNotContain(problems, p => p.Contains("sources", StringComparison.Ordinal));
        }
    }
}
