using System.Globalization;
using System.Net;
using System.Text;

namespace Digest.Infrastructure.Predictions;

/// <summary>One line of the chart's legend: a subject, its colour and shape, and how many of its predictions are drawn.</summary>
public sealed record LegendEntry(string Subject, string Colour, string Shape, int Points);

/// <summary>The chart and what a reader needs beside it: the legend, and the predictions drawn at an edge because they lie far outside the rest.</summary>
public sealed record ChartDrawing(string Svg, IReadOnlyList<LegendEntry> Legend, IReadOnlyList<PredictionPoint> Clipped, double AxisFrom, double AxisTo);

/// <summary>
/// Draws the predicted date of each subject over the publication date as a small, self-contained SVG rendered on the
/// server. Built for a thousand posts on a phone: light semi-transparent markers (where many agree the colour
/// deepens instead of a solid band), a running median line per subject that shows the trend, ranges as thin bars,
/// and a vertical axis fitted to the bulk of the predictions — the few far outside it are drawn as arrows at the edge
/// and named beside the chart. Subjects that are not subjects (a year, a sentence) share one grey "other" series.
/// Text is sized for the chart to stay readable at 390 px wide (site.css enlarges it where the chart is drawn small,
/// so the margins leave room for that size); the legend is HTML beside it.
/// </summary>
public static class PredictionChart
{
    public const string Other = "Other subjects";

    private const double Width = 640;
    private const double Height = 400;
    private const double Left = 66;
    private const double Right = 14;
    private const double Top = 18;
    private const double Bottom = 54;
    private const double FontSize = 17;

    // Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly string[] Shapes = ["circle", "square"];
    private const string OtherColour = "#888888";

    public static string ToSvg(PredictionTimeline timeline, string id = "predictions-chart") => Draw(timeline, id).Svg;

    public static ChartDrawing Draw(PredictionTimeline timeline, string id = "predictions-chart")
    {
        var plotted = timeline.Plotted.ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"prediction-chart\" viewBox=\"0 0 {Width} {Height}\" font-size=\"{FontSize}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Predicted dates over publication date</title><desc id=\"{id}-desc\">{Escape(Describe(timeline, plotted))}</desc>");
        if (plotted.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"currentColor\">No dated predictions yet.</text></svg>");
            return new ChartDrawing(svg.ToString(), [], [], 0, 0);
        }

        var (from, to) = Fit(plotted.SelectMany(p => new[] { p.Predicted!.Low ?? p.Predicted.Year, p.Predicted.High ?? p.Predicted.Year }).ToList());
        var x = Scale.For(plotted.Select(p => YearOf(p.PublishedOn)), Left, Width - Right, ticks: 5);
        var y = Scale.For([from, to], Height - Bottom, Top, ticks: 6);
        AppendAxes(svg, x, y);

        var legend = new List<LegendEntry>();
        var clipped = new List<PredictionPoint>();
        var series = timeline.Series.Where(s => plotted.Any(p => p.Subject == s)).ToList();
        for (var i = 0; i <= series.Count; i++)
        {
            var isOther = i == series.Count;
            var points = isOther ? plotted.Where(p => !series.Contains(p.Subject)).ToList() : plotted.Where(p => p.Subject == series[i]).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            var colour = isOther ? OtherColour : Colours[i % Colours.Length];
            var shape = isOther ? "circle" : Shapes[i % Shapes.Length];
            var name = isOther ? Other : series[i];
            legend.Add(new LegendEntry(name, colour, shape, points.Count));
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series\" data-subject=\"{Escape(name)}\" fill=\"none\" stroke=\"{colour}\"><title>{Escape(name)}</title>");
            // One path for a subject's markers and one for its ranges: a dot is a zero-length line with a round
            // (or square) cap, ~15 bytes a prediction, so three years of daily posts stay a small page.
            var dots = new StringBuilder();
            var ranges = new StringBuilder();
            foreach (var point in points)
            {
                if (Place(point, x, y) is { } at)
                {
                    dots.Append(CultureInfo.InvariantCulture, $"M{N(at.X)} {N(at.Y)}h0");
                }
                else
                {
                    clipped.Add(point);
                    AppendClipped(svg, point, x, y);
                }

                if (point.Predicted is { Low: { } low, High: { } high })
                {
                    ranges.Append(CultureInfo.InvariantCulture, $"M{N(x.Map(YearOf(point.PublishedOn)))} {N(y.Map(Math.Clamp(low, y.Min, y.Max)))}V{N(y.Map(Math.Clamp(high, y.Min, y.Max)))}");
                }
            }

            if (ranges.Length > 0)
            {
                svg.Append("<path class=\"ranges\" stroke-width=\"1.5\" stroke-opacity=\"0.35\" d=\"").Append(ranges).Append("\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"points\" stroke-width=\"8\" stroke-opacity=\"0.45\" stroke-linecap=\"{(shape == "square" ? "square" : "round")}\" d=\"").Append(dots).Append("\"/>");
            if (!isOther && points.Count >= 5)
            {
                AppendTrend(svg, points, x, y);
            }

            svg.Append("</g>");
        }

        return new ChartDrawing(svg.Append("</svg>").ToString(), legend, clipped, y.Min, y.Max);
    }

    /// <summary>The vertical range: the bulk of the predictions (3 × the interquartile range past the quartiles, at least 10 years wide).</summary>
    private static (double From, double To) Fit(List<double> values)
    {
        values.Sort();
        double Quantile(double q) => values[(int)Math.Round(q * (values.Count - 1))];
        var spread = Math.Max(Quantile(0.75) - Quantile(0.25), 5);
        var from = Math.Max(values[0], Quantile(0.25) - 3 * spread);
        var to = Math.Min(values[^1], Quantile(0.75) + 3 * spread);
        return to - from < 10 ? ((from + to) / 2 - 5, (from + to) / 2 + 5) : (from, to);
    }

    /// <summary>Where a prediction's marker goes, or null when it lies outside the axis.</summary>
    private static (double X, double Y)? Place(PredictionPoint point, Scale x, Scale y) =>
        point.Predicted!.Year > y.Max || point.Predicted.Year < y.Min ? null : (x.Map(YearOf(point.PublishedOn)), y.Map(point.Predicted.Year));

    /// <summary>Far outside the rest: an arrow at the edge, pointing the way the value lies, named beside the chart.</summary>
    private static void AppendClipped(StringBuilder svg, PredictionPoint point, Scale x, Scale y)
    {
        var cx = x.Map(YearOf(point.PublishedOn));
        var up = point.Predicted!.Year > y.Max;
        var ey = up ? Top + 8 : Height - Bottom - 8;
        var tip = up ? ey - 8 : ey + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"clipped\" fill=\"currentColor\" d=\"M{N(cx - 6)} {N(ey)}L{N(cx + 6)} {N(ey)}L{N(cx)} {N(tip)}Z\"><title>{Escape($"{point.Subject}: {point.PredictedWhen} (off the chart)")}</title></path>");
    }

    /// <summary>A running median of the subject's predictions over the last nine posts: the trend the dots scatter around.</summary>
    private static void AppendTrend(StringBuilder svg, List<PredictionPoint> points, Scale x, Scale y)
    {
        var ordered = points.OrderBy(p => p.PublishedOn).ToList();
        var line = new List<string>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var window = ordered.Skip(Math.Max(0, i - 4)).Take(9).Select(p => p.Predicted!.Year).Order().ToList();
            var median = Math.Clamp(window[window.Count / 2], y.Min, y.Max);
            line.Add($"{N(x.Map(YearOf(ordered[i].PublishedOn)))},{N(y.Map(median))}");
        }

        svg.Append("<polyline class=\"trend\" fill=\"none\" stroke-width=\"2.5\" points=\"").AppendJoin(' ', line).Append("\"/>");
    }

    private static void AppendAxes(StringBuilder svg, Scale x, Scale y)
    {
        svg.Append("<g class=\"axes\" fill=\"currentColor\" stroke=\"currentColor\">");
        foreach (var tick in x.Ticks())
        {
            var at = N(x.Map(tick));
            // A year centred on the last line would run off the edge at a phone's text size: it ends there instead.
            var anchor = x.Map(tick) > Width - 34 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at}\" x2=\"{at}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke-opacity=\"0.12\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{at}\" y=\"{N(Height - Bottom + 22)}\" text-anchor=\"{anchor}\" stroke=\"none\">{tick:0}</text>");
        }

        foreach (var tick in y.Ticks())
        {
            var at = N(y.Map(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{at}\" y2=\"{at}\" stroke-opacity=\"0.12\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6)}\" y=\"{at}\" dy=\"0.35em\" text-anchor=\"end\" stroke=\"none\">{tick:0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Height - Bottom)}\" y2=\"{N(Height - Bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" stroke=\"none\">Published</text>");
        svg.Append("</g>");
    }

    private static string Describe(PredictionTimeline timeline, List<PredictionPoint> plotted)
    {
        if (plotted.Count == 0)
        {
            return "There are no dated predictions to chart.";
        }

        var parts = timeline.Series
            .Select(s => (Subject: s, Points: plotted.Where(p => p.Subject == s).OrderBy(p => p.PublishedOn).ToList()))
            .Where(s => s.Points.Count > 0)
            .Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Subject}: {s.Points.Count} predictions between {s.Points[0].PublishedOn:MMMM yyyy} and {s.Points[^1].PublishedOn:MMMM yyyy}, naming years from {s.Points.Min(p => p.Predicted!.Year):0} to {s.Points.Max(p => p.Predicted!.Year):0}, most recently {s.Points[^1].Predicted!.Describe()}."));
        return string.Join(" ", parts) + " The table below lists every prediction.";
    }

    private static double YearOf(DateTime date)
    {
        var start = new DateTime(date.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return date.Year + (date - start).TotalDays / (DateTime.IsLeapYear(date.Year) ? 366 : 365);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A linear map from years to pixels, widened to a round step so there are about <c>ticks</c> labelled lines.</summary>
    private sealed record Scale(double Min, double Max, double From, double To, double Step)
    {
        public static Scale For(IEnumerable<double> values, double from, double to, int ticks)
        {
            var list = values.ToList();
            var min = Math.Floor(list.Min());
            var max = Math.Ceiling(list.Max());
            if (max - min < 1)
            {
                max = min + 1;
            }

            var step = new[] { 1.0, 2, 5, 10, 20, 25, 50, 100 }.FirstOrDefault(s => (max - min) / s <= ticks, 100);
            min = Math.Floor(min / step) * step;
            max = Math.Ceiling(max / step) * step;
            return new Scale(min, max, from, to, step);
        }

        public double Map(double value) => From + (value - Min) / (Max - Min) * (To - From);

        public IEnumerable<double> Ticks()
        {
            for (var tick = Min; tick <= Max + 1e-9; tick += Step)
            {
                yield return tick;
            }
        }
    }
}
