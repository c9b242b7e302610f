namespace Digest.Web.Components;

/// <summary>Public addresses of posts, as the old Hugo blog had them (<c>/posts/&lt;slug&gt;/</c>).</summary>
public static class PostLinks
{
    public static string Path(string slug) => $"/posts/{Uri.EscapeDataString(slug)}/";

    public static string Absolute(string baseUrl, string slug) => baseUrl.TrimEnd('/') + Path(slug);

    public static string ReadingTime(int wordCount)
    {
        var minutes = Math.Max(1, (wordCount + 212) / 213);
        return minutes == 1 ? "1 min" : $"{minutes} min";
    }
}
