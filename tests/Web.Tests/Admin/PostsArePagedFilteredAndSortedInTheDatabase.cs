using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>Three years of daily posts, as the old blog had: the grid still returns one page, filtered and sorted by the database.</summary>
public sealed class PostsArePagedFilteredAndSortedInTheDatabase
{
    private const int Days = 1100;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_page_of_posts_is_found_by_status_tag_date_and_text(DatabaseProvider provider)
    {
        await using var app = await DigestAppFactory.CreateAsync(provider);
        _ = app.Server;
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<DigestDbContext>();
            var first = new DateTime(2023, 1, 1, 6, 0, 0, DateTimeKind.Utc);
            for (var day = 0; day < Days; day++)
            {
                var date = first.AddDays(day);
                var post = Post.CreateDraft($"{date:yyyy-MM-dd}-summary", day % 100 == 0 ? $"Mamba special {day}" : $"Daily summary {day}", date, "Digest", PostOrigin.Imported, date);
                post.SetMetadata(new PostMetadata(post.Title, post.Slug, null, date, "Digest", day % 10 == 0 ? ["gpt", "daily"] : ["daily"], PostFlags.HouseDefault, Cover.None), date);
                if (day % 2 == 0)
                {
                    post.MarkImportedAsPublished(date);
                }

                db.Posts.Add(post);
            }

            await db.SaveChangesAsync();
        });

        Task<PostGridPage> QueryAsync(PostGridQuery query) => app.WithScopeAsync(s => s.GetRequiredService<PostGrid>().QueryAsync(query));

        var newest = await QueryAsync(new PostGridQuery(PageSize: 25));
        Assert.Equal(Days, newest.Total);
        Assert.Equal(25, newest.Rows.Count);
        Assert.Equal($"Daily summary {Days - 1}", newest.Rows[0].Title);
        Assert.Equal(44, newest.Pages);

        var last = await QueryAsync(new PostGridQuery(Page: 44, PageSize: 25));
        Assert.Equal("Mamba special 0", last.Rows[^1].Title);

        var tagged = await QueryAsync(new PostGridQuery(Tag: "gpt", Status: PostStatus.Published, PageSize: 200));
        Assert.Equal(Days / 10, tagged.Total);
        Assert.All(tagged.Rows, r => Assert.Contains("gpt", r.Tags));

        var found = await QueryAsync(new PostGridQuery(Text: "MAMBA", SortBy: PostGridSort.Title, Descending: false));
        Assert.Equal(11, found.Total);
        Assert.Equal("Mamba special 0", found.Rows[0].Title);
        Assert.Equal("Mamba special 100", found.Rows[1].Title);

        var january = await QueryAsync(new PostGridQuery(From: new DateOnly(2024, 1, 1), To: new DateOnly(2024, 1, 31), Status: PostStatus.Draft));
        Assert.Equal(16, january.Total); // days 365…395 of the run; the odd ones are drafts
        Assert.All(january.Rows, r => Assert.Equal((2024, 1), (r.Date.Year, r.Date.Month)));
    }
}
