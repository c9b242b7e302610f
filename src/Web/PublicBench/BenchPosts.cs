using System.Text;
using Digest.Domain.Posts;
using Digest.Domain.Settings;

namespace Digest.Web.PublicBench;

/// <summary>
/// Published posts of realistic size (about 700 words in the house format) for the public-site benchmark.
/// The text is drawn from a fixed vocabulary with a seed per post, so runs are repeatable and posts differ.
/// </summary>
internal static class BenchPosts
{
    private static readonly string[] Words =
    [
        "model", "models", "training", "inference", "attention", "transformer", "dataset", "benchmark", "agents", "reasoning",
        "open", "weights", "research", "paper", "community", "evaluation", "latency", "memory", "tokens", "context",
        "alignment", "safety", "robotics", "vision", "language", "diffusion", "quantisation", "sparse", "experts", "routing",
        "could", "would", "may", "help", "reduce", "increase", "costs", "access", "developers", "companies",
        "universities", "hardware", "energy", "accuracy", "errors", "privacy", "regulation", "markets", "jobs", "education",
        "the", "of", "and", "to", "in", "for", "with", "on", "as", "by", "this", "that", "more", "less", "new", "smaller", "faster",
    ];

    public static Post Create(int index, DateOnly edition, DateTime now)
    {
        var random = new Random(index);
        var post = Post.CreateGeneratedDraft(edition, "[Daily Automated AI Summary]", "Digest", "gpt-4o-mini", Guid.NewGuid(), now);
        post.SetMetadata(new PostMetadata(post.Title, post.Slug, null, edition.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), "Digest",
            ["daily ai summary", "automated content", random.Next(3) == 0 ? "robotics" : "language models"], PostFlags.HouseDefault, Cover.None), now);
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        for (var topic = 1; topic <= 5; topic++)
        {
            var section = post.AddSection(new Section(SectionKind.Topic, Sentence(random, 8).TrimEnd('.'), null, Paragraph(random, 55), Paragraph(random, 55)));
            section.AddSource(new SectionSource(null, $"r/MachineLearning · {random.Next(20, 900)} points · {random.Next(2, 300)} comments",
                $"https://www.reddit.com/r/MachineLearning/comments/{index}x{topic}/"));
        }

        for (var trend = 1; trend <= 3; trend++)
        {
            post.AddSection(new Section(SectionKind.Trending, Sentence(random, 10).TrimEnd('.'), null))
                .AddSource(new SectionSource(null, $"r/machinelearningnews · {random.Next(5, 200)} points", $"https://www.marktechpost.com/{index}/{trend}/"));
        }

        post.AddSection(new Section(SectionKind.Prediction, "Artificial general intelligence", Paragraph(random, 30), predictedWhen: "2035"));
        post.AddSection(new Section(SectionKind.Prediction, "Technological singularity", Paragraph(random, 30), predictedWhen: "2045"));
        return post;
    }

    private static string Paragraph(Random random, int words)
    {
        var text = new StringBuilder();
        while (words > 0)
        {
            var length = Math.Min(words, random.Next(8, 16));
            text.Append(Sentence(random, length)).Append(' ');
            words -= length;
        }

        return text.ToString().Trim();
    }

    private static string Sentence(Random random, int words)
    {
        var parts = Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]).ToArray();
        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts) + ".";
    }
}
