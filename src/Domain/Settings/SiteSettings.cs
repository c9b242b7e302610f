using Digest.Domain.Common;
using Digest.Domain.Posts;

namespace Digest.Domain.Settings;

/// <summary>The site-wide settings an admin changes in the dashboard. There is one row.</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;
    public const int DefaultFeedLength = 30;
    public const int MaxFeedLength = 100_000;
    public const string DefaultNotice = "This post has been automatically generated and does not reflect the views of the site owner, nor does it claim to be accurate.";

    public int Id { get; private set; } = SingletonId;
    public string Title { get; set; } = "Daily AI Digest";
    public string Description { get; set; } = "What the AI/ML community is discussing, written by a model each morning and reviewed by an editor.";
    /// <summary>The public address, for absolute links in feeds; the request's own address when empty.</summary>
    public string? BaseUrl { get; set; }
    public string PostTitle { get; set; } = "[Daily Automated AI Summary]";
    public string Author { get; set; } = "Digest";
    public string NoticeText { get; set; } = DefaultNotice;
    public List<string> DefaultTags { get; set; } = ["daily ai summary", "automated content"];
    public Cover Cover { get; set; } = Cover.None;
    /// <summary>Cron (five fields) of the daily generation, in <see cref="TimeZone"/>.</summary>
    public string ScheduleCron { get; set; } = "30 5 * * *";
    public string TimeZone { get; set; } = "UTC";
    public int TopicCount { get; set; } = 5;
    public int TrendingCount { get; set; } = 3;
    public List<string> PredictionSubjects { get; set; } = ["Artificial general intelligence", "Technological singularity"];
    /// <summary>When weekly subscribers get their roundup: this day and hour, in <see cref="TimeZone"/>.</summary>
    public DayOfWeek RoundupDay { get; set; } = DayOfWeek.Sunday;
    public int RoundupHour { get; set; } = 8;
    /// <summary>How many of the newest posts the site's feeds carry; 0 carries every post, as Hugo does without an rssLimit.</summary>
    public int FeedLength { get; set; } = DefaultFeedLength;
    public Guid Version { get; set; } = Guid.NewGuid();

    public void Validate()
    {
        if (TopicCount is < 1 or > 12)
        {
            throw new DomainException("The number of topics must be between 1 and 12.");
        }

        if (TrendingCount is < 0 or > 12)
        {
            throw new DomainException("The number of trending headlines must be between 0 and 12.");
        }

        if (FeedLength is < 0 or > MaxFeedLength)
        {
            throw new DomainException("The feed length must be 0 (every post) or a number of posts up to 100,000.");
        }

        if (string.IsNullOrWhiteSpace(Title) || string.IsNullOrWhiteSpace(PostTitle))
        {
            throw new DomainException("The site and its posts need a title.");
        }
    }

    public TimeZoneInfo FindTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new DomainException($"Unknown time zone \"{TimeZone}\"; use an IANA name such as Europe/Berlin.");
        }
    }
}
