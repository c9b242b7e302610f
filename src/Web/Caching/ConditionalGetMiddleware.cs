using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Digest.Web.Caching;

/// <summary>
/// Gives public pages an ETag (a hash of the bytes) and answers a matching conditional request with 304 and no body.
/// It sits inside the output cache: a cached page already carries its ETag and Last-Modified, and the output cache
/// answers conditional requests for it; this runs only when a page is rendered. Pages set Last-Modified themselves.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, Edge.EdgeOptions edge)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !IsPublic(context.GetEndpoint()))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            response.Headers.ETag = "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"";
            // Browsers keep the page but ask again each time (an editor's change shows at once; asking costs a 304); a CDN may
            // serve it for a short while before it asks (Digest:Edge:PublicCacheSeconds).
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                response.Headers.CacheControl = edge.PublicCacheControl;
            }

            if (Conditional.IsNotModified(context.Request, response))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Pages and documents cached under the public policy; feeds already answer conditionals themselves.</summary>
    private static bool IsPublic(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == OutputCachePublicSiteCache.PolicyName
        || endpoint?.Metadata.GetMetadata<ConditionalGetAttribute>() is not null;
}

/// <summary>Marks an endpoint whose 200 responses get an ETag and 304s (<see cref="ConditionalGetMiddleware"/>).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ConditionalGetAttribute : Attribute;

/// <summary>RFC 9110 §13.2.2: If-None-Match decides when present; otherwise If-Modified-Since against Last-Modified.</summary>
internal static class Conditional
{
    public static bool IsNotModified(HttpRequest request, HttpResponse response)
    {
        var requestHeaders = request.GetTypedHeaders();
        var responseHeaders = response.GetTypedHeaders();
        var ifNoneMatch = requestHeaders.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return responseHeaders.ETag is { } etag
                && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        // HTTP dates carry whole seconds; Last-Modified is written truncated, so compare at that precision.
        return requestHeaders.IfModifiedSince is { } since
            && responseHeaders.LastModified is { } modified
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }
}

internal static class ConditionalGetExtensions
{
    public static IApplicationBuilder UseConditionalGet(this IApplicationBuilder app) => app.UseMiddleware<ConditionalGetMiddleware>();
}
