using Bunit;
using Digest.Domain.Generation;
using Digest.Infrastructure.Data;
using Digest.Web.Components.Admin;
using Digest.Web.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Grounding;

public sealed class RunsShowTheGroundedSharePerDay : EditorPageContext
{
    [Fact]
    public async Task Each_day_sums_its_runs_and_a_day_of_invented_text_stands_out()
    {
        var today = DateTime.UtcNow.Date.AddHours(6);
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<DigestDbContext>();
            db.GenerationRuns.AddRange(
                Run(today, new GroundingTally(40, 30, 0, null, 12)),
                Run(today.AddHours(1), new GroundingTally(20, 10, 0, null, 0)),
                Run(today.AddDays(-1), new GroundingTally(40, 10, 9, 2, 12)),
                Run(today.AddDays(-2), null));
            await db.SaveChangesAsync();
        });

        var cut = Render<Runs>();

        cut.WaitForElement(".grounding-days tbody tr");
        var rows = cut.FindAll(".grounding-days tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal([DateOnly.FromDateTime(today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "2", "60", "40", Percent(40, 60), "0", "off"], rows[0]);
        Assert.Equal([DateOnly.FromDateTime(today.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "1", "40", "10", Percent(10, 40), "9", "2"], rows[1]);
        // And each run says it too, next to its tokens and cost.
        Assert.Contains(cut.FindAll("table.runs td.grounded"), td => td.TextContent.Contains("9 not found", StringComparison.Ordinal));
    }

    private static string Percent(int part, int of) => ((double)part / of).ToString("P0", System.Globalization.CultureInfo.CurrentCulture);

    private static GenerationRun Run(DateTime at, GroundingTally? tally)
    {
        var run = GenerationRun.Start(DateOnly.FromDateTime(at), "test", "gpt-4o-mini", at);
        if (tally is not null)
        {
            run.RecordGrounding(tally);
        }

        run.Succeed(Guid.NewGuid(), at.AddMinutes(2));
        return run;
    }
}
