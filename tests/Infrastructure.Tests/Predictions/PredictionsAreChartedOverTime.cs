using System.Xml.Linq;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Predictions;
using Digest.Infrastructure.Tests.Hugo;
using Digest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Infrastructure.Tests.Predictions;

public sealed class PredictionsAreChartedOverTime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("March 2027", 2027 + 2 / 12.0, null, null)]
    [InlineData("2030", 2030.0, null, null)]
    [InlineData("2045 (November)", 2045 + 10 / 12.0, null, null)]
    [InlineData("by 2045", 2045.0, null, null)]
    [InlineData("2030-2040", 2035.0, 2030.0, 2040.0)]
    [InlineData("2050–2080", 2065.0, 2050.0, 2080.0)]
    [InlineData("the 2030s", 2035.0, 2030.0, 2040.0)]
    [InlineData("Sept 2033", 2033 + 8 / 12.0, null, null)]
    [InlineData("AGI by the mid-2030s (2035-2037)", 2036.0, 2035.0, 2037.0)]
    [InlineData("the mid-2030s", 2035.0, 2034.0, 2036.0)]
    public void Predicted_dates_are_read_as_a_year_with_the_month_as_a_fraction(string text, double year, double? low, double? high)
    {
        var date = PredictedDate.Parse(text);

        Assert.NotNull(date);
        Assert.Equal(year, date.Year, 6);
        Assert.Equal(low, date.Low);
        Assert.Equal(high, date.High);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("in the next decade")]
    [InlineData("soon")]
    [InlineData("year 10000")]
    public void Text_without_a_year_is_not_a_date(string? text) => Assert.Null(PredictedDate.Parse(text));

    [Theory]
    [InlineData("Artificial General Intelligence (AGI)", PredictionSubjects.Agi)]
    [InlineData("AGI", PredictionSubjects.Agi)]
    [InlineData("Artificial general intelligence will be achieved in the next decade", PredictionSubjects.Agi)]
    [InlineData("Artificial General Intelligence:", PredictionSubjects.Agi)]
    [InlineData("Technological singularity will occur", PredictionSubjects.Singularity)]
    [InlineData("The technological singularity may occur in the mid to late 21st century", PredictionSubjects.Singularity)]
    [InlineData("Technological Singularity", PredictionSubjects.Singularity)]
    [InlineData("quantum advantage in chemistry", "Quantum advantage in chemistry")]
    [InlineData("Technological singularity, following AGI", PredictionSubjects.Singularity)]
    [InlineData("Singularity (AGI surpassing human intelligence)", PredictionSubjects.Singularity)]
    [InlineData("AGI, then the singularity", PredictionSubjects.Agi)]
    public void Subject_variants_map_to_one_subject(string asWritten, string canonical) =>
        Assert.Equal(canonical, PredictionSubjects.Canonical(asWritten));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_seed_archive_charts_two_subjects_with_a_point_per_dated_prediction(DatabaseProvider provider)
    {
        await using var host = await ImportHost.CreateAsync(provider);
        await host.ImportFolderAsync(SeedArchive.Path);

        var timeline = await host.WithAsync(s => s.GetRequiredService<PredictionHistory>().LoadAsync());
        var svg = XDocument.Parse(PredictionChart.ToSvg(timeline));

        Assert.Equal(40, timeline.Points.Count);
        Assert.Equal([PredictionSubjects.Agi, PredictionSubjects.Singularity], timeline.Subjects);
        Assert.Equal(timeline.Plotted.Count(), Markers(svg));
        Assert.True(timeline.Plotted.Count() >= 36, $"only {timeline.Plotted.Count()} of 40 predictions were read as dates");
        Assert.Equal("Predicted dates over publication date", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("Artificial general intelligence (AGI): ", svg.Root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Equal(2030 + 2 / 12.0, timeline.Points.First(p => p.PostSlug == "2023-07-01-ai-auto-summary").Predicted!.Year, 6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Years_in_subjects_are_plotted_junk_subjects_are_not_in_the_legend_and_outliers_are_clipped_with_a_note(DatabaseProvider provider)
    {
        await using var host = await TheWholeArchiveRoundTrips.ImportedArchiveAsync(provider);

        var timeline = await host.WithAsync(s => s.GetRequiredService<PredictionHistory>().LoadAsync());
        var drawing = PredictionChart.Draw(timeline);

        var midThirties = Assert.Single(timeline.Points, p => p.SubjectAsWritten == "Artificial General Intelligence (AGI) by the mid-2030s");
        Assert.Equal((2035.0, 2037.0), (midThirties.Predicted!.Low!.Value, midThirties.Predicted.High!.Value));
        Assert.Equal(PredictionSubjects.Singularity, Assert.Single(timeline.Points, p => p.SubjectAsWritten.StartsWith("Technological singularity, following", StringComparison.Ordinal)).Subject);
        Assert.All(drawing.Legend, entry => Assert.True(PredictionSubjects.IsSubject(entry.Subject) || entry.Subject == PredictionChart.Other, entry.Subject));
        Assert.DoesNotContain(drawing.Legend, entry => entry.Subject.Any(char.IsDigit));
        var outlier = Assert.Single(drawing.Clipped);
        Assert.Equal("2199", outlier.PredictedWhen);
        Assert.True(drawing.AxisTo < 2199);
        Assert.Equal(timeline.Plotted.Count(), Markers(XDocument.Parse(drawing.Svg)));
    }

    [Fact]
    public void Three_years_of_daily_predictions_chart_in_well_under_200_kilobytes()
    {
        var start = new DateTime(2023, 4, 1, 5, 0, 0, DateTimeKind.Utc);
        var points = Enumerable.Range(0, 1000).SelectMany(day => new[]
        {
            new PredictionPoint(start.AddDays(day), $"p{day}", PredictionSubjects.Agi, "AGI", "2030", PredictedDate.Parse($"{2028 + day % 9}")),
            new PredictionPoint(start.AddDays(day), $"p{day}", PredictionSubjects.Singularity, "Singularity", "2045-2050", PredictedDate.Parse("2045-2050")),
        }).ToList();

        var drawing = PredictionChart.Draw(new PredictionTimeline(points));

        Assert.True(drawing.Svg.Length < 150_000, $"{drawing.Svg.Length} characters");
        Assert.Equal(2, drawing.Legend.Count);
    }

    [Fact]
    public void An_empty_timeline_says_so_instead_of_drawing_axes()
    {
        var svg = XDocument.Parse(PredictionChart.ToSvg(new PredictionTimeline([])));

        Assert.Contains("No dated predictions yet.", svg.Root!.Value, StringComparison.Ordinal);
    }

    /// <summary>Markers drawn: a dot is one "h0" segment of a series' points path; a clipped prediction is an arrow of its own.</summary>
    private static int Markers(XDocument svg) =>
        svg.Descendants().Where(e => (string?)e.Attribute("class") == "points").Sum(e => ((string)e.Attribute("d")!).Split("h0").Length - 1)
        + svg.Descendants().Count(e => (string?)e.Attribute("class") == "clipped");
}
