using System.Globalization;
using System.Net;
using System.Text;

namespace Digest.Infrastructure.Predictions;

/// <summary>
/// Draws the predicted date of each subject over the publication date as a self-contained SVG, rendered on the
/// server so it reads without JavaScript. Subjects differ by marker shape as well as colour, every point has a
/// tooltip title, and the SVG carries a title and a description for screen readers.
/// </summary>
public static class PredictionChart
{
    private const double Width = 760;
    private const double Height = 420;
    private const double Left = 64;
    private const double Right = 20;
    private const double Top = 56;
    private const double Bottom = 48;

    // Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly string[] Shapes = ["circle", "square", "triangle", "diamond"];

    public static string ToSvg(PredictionTimeline timeline, string id = "predictions-chart")
    {
        var plotted = timeline.Plotted.ToList();
        var svg = new StringBuilder();
        var title = "Predicted dates over publication date";
        var description = Describe(timeline, plotted);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"prediction-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>");
        if (plotted.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" fill=\"currentColor\">No dated predictions yet.</text></svg>");
            return svg.ToString();
        }

        var x = Scale.For(plotted.Select(p => YearOf(p.PublishedOn)), Left, Width - Right);
        var y = Scale.For(plotted.SelectMany(p => new[] { p.Predicted!.Low ?? p.Predicted.Year, p.Predicted.High ?? p.Predicted.Year }), Height - Bottom, Top);
        AppendAxes(svg, x, y);

        var subjects = timeline.Subjects.Where(s => plotted.Any(p => p.Subject == s)).ToList();
        for (var i = 0; i < subjects.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var shape = Shapes[i % Shapes.Length];
            var series = plotted.Where(p => p.Subject == subjects[i]).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series\" fill=\"{colour}\" stroke=\"{colour}\"><title>{Escape(subjects[i])}</title>");
            if (series.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke-opacity=\"0.5\" points=\"")
                    .AppendJoin(' ', series.Select(p => $"{N(x.Map(YearOf(p.PublishedOn)))},{N(y.Map(p.Predicted!.Year))}"))
                    .Append("\"/>");
            }

            foreach (var point in series)
            {
                AppendPoint(svg, point, x, y, shape);
            }

            svg.Append("</g>");
            AppendLegendEntry(svg, i, subjects[i], colour, shape);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void AppendAxes(StringBuilder svg, Scale x, Scale y)
    {
        svg.Append("<g class=\"axes\" fill=\"currentColor\" stroke=\"currentColor\" font-size=\"12\">");
        foreach (var tick in x.Ticks())
        {
            var at = N(x.Map(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at}\" x2=\"{at}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke-opacity=\"0.15\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{at}\" y=\"{N(Height - Bottom + 18)}\" text-anchor=\"middle\" stroke=\"none\">{tick:0}</text>");
        }

        foreach (var tick in y.Ticks())
        {
            var at = N(y.Map(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{at}\" y2=\"{at}\" stroke-opacity=\"0.15\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 8)}\" y=\"{at}\" dy=\"4\" text-anchor=\"end\" stroke=\"none\">{tick:0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Height - Bottom)}\" y2=\"{N(Height - Bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" stroke=\"none\">Publication date</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {N((Top + Height - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\" stroke=\"none\">Predicted year</text>");
        svg.Append("</g>");
    }

    private static void AppendPoint(StringBuilder svg, PredictionPoint point, Scale x, Scale y, string shape)
    {
        var cx = x.Map(YearOf(point.PublishedOn));
        var cy = y.Map(point.Predicted!.Year);
        svg.Append("<g class=\"point\"><title>")
            .Append(Escape($"{point.Subject}: {point.PredictedWhen} (post of {point.PublishedOn:d MMMM yyyy})"))
            .Append("</title>");
        if (point.Predicted is { Low: { } low, High: { } high })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(cx)}\" x2=\"{N(cx)}\" y1=\"{N(y.Map(low))}\" y2=\"{N(y.Map(high))}\" stroke-width=\"2\" stroke-opacity=\"0.6\"/>");
        }

        svg.Append(Marker(shape, cx, cy, 4.5)).Append("</g>");
    }

    private static void AppendLegendEntry(StringBuilder svg, int index, string subject, string colour, string shape)
    {
        var lx = Left + (index % 2) * 300;
        var ly = 18 + (index / 2) * 18;
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\" fill=\"{colour}\" stroke=\"{colour}\">")
            .Append(Marker(shape, lx + 6, ly, 5))
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(lx + 18)}\" y=\"{N(ly)}\" dy=\"4\" font-size=\"13\" fill=\"currentColor\" stroke=\"none\">{Escape(subject)}</text></g>");
    }

    private static string Marker(string shape, double cx, double cy, double r) => shape switch
    {
        "square" => $"<rect x=\"{N(cx - r)}\" y=\"{N(cy - r)}\" width=\"{N(2 * r)}\" height=\"{N(2 * r)}\"/>",
        "triangle" => $"<polygon points=\"{N(cx)},{N(cy - r * 1.2)} {N(cx + r * 1.1)},{N(cy + r * 0.8)} {N(cx - r * 1.1)},{N(cy + r * 0.8)}\"/>",
        "diamond" => $"<polygon points=\"{N(cx)},{N(cy - r * 1.3)} {N(cx + r * 1.3)},{N(cy)} {N(cx)},{N(cy + r * 1.3)} {N(cx - r * 1.3)},{N(cy)}\"/>",
        _ => $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"/>",
    };

    private static string Describe(PredictionTimeline timeline, List<PredictionPoint> plotted)
    {
        if (plotted.Count == 0)
        {
            return "There are no dated predictions to chart.";
        }

        var parts = timeline.Subjects
            .Select(s => (Subject: s, Points: plotted.Where(p => p.Subject == s).ToList()))
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

    /// <summary>A linear map from years to pixels, widened to whole years (or to steps of 5 or 10 when the span is long).</summary>
    private sealed record Scale(double Min, double Max, double From, double To, double Step)
    {
        public static Scale For(IEnumerable<double> values, double from, double to)
        {
            var list = values.ToList();
            var min = Math.Floor(list.Min());
            var max = Math.Ceiling(list.Max());
            if (max - min < 1)
            {
                max = min + 1;
            }

            var step = (max - min) switch { > 60 => 20, > 30 => 10, > 12 => 5, > 6 => 2, _ => 1 };
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
