namespace Digest.Web.PublicSite;

public static class PublicResponse
{
    /// <summary>Sends Last-Modified (whole seconds, as HTTP dates carry) unless the response has already started.</summary>
    public static void SetLastModified(HttpContext context, DateTime? utc)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (utc is { } value && !context.Response.HasStarted)
        {
            var seconds = new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeSeconds();
            context.Response.GetTypedHeaders().LastModified = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
    }
}
