namespace Digest.Web.Components;

/// <summary>Public addresses of posts, as the old Hugo blog had them (<c>/posts/&lt;slug&gt;/</c>).</summary>
public static class PostLinks
{
    public static string Path(string slug) => $"/posts/{Uri.EscapeDataString(slug)}/";
}
