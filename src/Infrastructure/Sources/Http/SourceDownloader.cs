using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Digest.Infrastructure.Sources.Reading;

namespace Digest.Infrastructure.Sources.Http;

/// <summary>
/// One polite conditional GET with hard limits: the whole exchange (retries and body included) within the
/// timeout, the body read by us up to the size limit (after decompression, so a small gzip bomb cannot grow
/// past it), and every failure turned into one line an editor can act on.
/// </summary>
internal sealed class SourceDownloader(IHttpClientFactory httpClientFactory, SourceFetchingOptions options, TimeProvider time)
{
    public const string HttpClientName = "Digest.Sources";

    public async Task<Download> GetAsync(Uri url, string accept, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var current = url;
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            for (var hop = 0; ; hop++)
            {
                using var request = Request(current, accept, etag, lastModified);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (IsRedirect(response.StatusCode))
                {
                    var (next, refusal) = Follow(response, current, hop);
                    if (refusal is not null)
                    {
                        return Download.Failed(refusal);
                    }

                    current = next!;
                    continue;
                }

                if (Refuse(response) is { } refused)
                {
                    return refused;
                }

                var body = await ReadBodyAsync(response.Content, linked.Token);
                if (body is null)
                {
                    return Download.Failed(TooLarge());
                }

                var contentType = response.Content.Headers.ContentType;
                return Download.Ok(
                    new FetchedDocument(current, body, contentType?.MediaType, contentType?.CharSet),
                    response.Headers.ETag?.ToString(),
                    RawHeader(response.Content.Headers, "Last-Modified"));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Download.Failed($"timed out after {Seconds(options.Timeout)}");
        }
        catch (HttpRequestException ex)
        {
            return Download.Failed(Describe(ex, current));
        }
        catch (PrivateAddressRefusedException ex)
        {
            return Download.Failed(ex.Message);
        }
        catch (IOException ex)
        {
            return Download.Failed($"connection to {current.Host} broke while reading: {ex.Message}");
        }
    }

    private HttpRequestMessage Request(Uri url, string accept, string? etag, string? lastModified)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        if (!string.IsNullOrWhiteSpace(etag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (!string.IsNullOrWhiteSpace(lastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return request;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>
    /// Where a redirect leads, or why it is not followed: only http and https are followed, never from https down to
    /// plain http, and at most <see cref="SourceFetchingOptions.MaxRedirects"/> times. The next hop connects through
    /// the same address check as the first.
    /// </summary>
    private (Uri? Next, string? Refusal) Follow(HttpResponseMessage response, Uri from, int hop)
    {
        var status = (int)response.StatusCode;
        var raw = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, $"HTTP {status} redirect without a Location header");
        }

        if (!Uri.TryCreate(from, raw.Trim(), out var target))
        {
            return (null, $"HTTP {status} redirect to \"{raw.Trim()}\", which is not an address");
        }

        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            return (null, $"refused a redirect to {target.OriginalString}: only http and https addresses are followed");
        }

        if (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
        {
            return (null, $"refused a redirect from https to plain http ({target})");
        }

        return hop >= options.MaxRedirects
            ? (null, $"too many redirects (more than {options.MaxRedirects}); last one pointed at {target}")
            : (target, null);
    }

    private Download? Refuse(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return Download.Unchanged();
        }

        if (status is >= 300 and < 400)
        {
            return Download.Failed($"HTTP {status}{(string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase)}: not a redirect this reader follows");
        }

        if (status is < 200 or >= 300)
        {
            var wait = RetryAfter.From(response, time);
            var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : $" {response.ReasonPhrase}";
            var asked = wait is { } w ? $"; server asked to wait {Seconds(w)}" : "";
            return Download.Failed($"HTTP {status}{reason}{asked}", wait);
        }

        if (response.Content.Headers.ContentLength > options.MaxBodyBytes)
        {
            return Download.Failed(TooLarge());
        }

        return null;
    }

    private async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private string TooLarge() => $"response body is larger than the {Size(options.MaxBodyBytes)} limit";

    private static string Describe(HttpRequestException ex, Uri url)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is PrivateAddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"could not resolve host {url.Host}",
            HttpRequestError.ConnectionError when ex.InnerException is SocketException socket => $"could not connect to {url.Authority}: {socket.Message}",
            HttpRequestError.ConnectionError => $"could not connect to {url.Authority}",
            HttpRequestError.SecureConnectionError => $"TLS handshake with {url.Host} failed",
            HttpRequestError.ResponseEnded => $"{url.Host} closed the connection before the response ended",
            HttpRequestError.InvalidResponse => $"{url.Host} sent an invalid HTTP response",
            _ => $"request failed: {ex.Message}",
        };
    }

    private static string? RawHeader(HttpContentHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " s";

    private static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{(bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture)} KB" : $"{bytes} bytes";
}
