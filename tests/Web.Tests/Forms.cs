using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Digest.Web.Tests;

/// <summary>Fills and posts a server-rendered form as a browser would, hidden antiforgery fields included.</summary>
internal static class Forms
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value={formName}]") is not null)
            ?? throw new InvalidOperationException($"No form \"{formName}\" on {url}");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(form.Action is { Length: > 0 } action && !action.StartsWith("about:", StringComparison.Ordinal) ? action : url, new FormUrlEncodedContent(values));
    }
}

internal static class Redirects
{
    /// <summary>Where a redirect goes, as a path on this site; fails if it leaves the site.</summary>
    public static string LocalTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect");
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost/"), location);
        Assert.Equal("localhost", absolute.Host);
        return absolute.PathAndQuery;
    }
}
