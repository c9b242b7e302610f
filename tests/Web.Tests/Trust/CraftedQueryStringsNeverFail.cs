using System.Text;
using Digest.Web.Tests.Admin;

namespace Digest.Web.Tests.Trust;

/// <summary>
/// A few hundred odd query strings — bad percent-encoding, invalid UTF-8, control characters, huge numbers, very
/// long values, repeated keys — against every public and account address: none answers 5xx.
/// </summary>
public sealed class CraftedQueryStringsNeverFail : IAsyncLifetime
{
    private static readonly string[] Paths =
    [
        "/", "/archives", "/tags/", "/tags/ai/", "/search", "/predictions", "/posts/not-a-post/", "/posts/2024-07-18-ai-auto-summary/",
        "/index.xml", "/atom.xml", "/feed.json", "/tags/ai/index.xml", "/sitemap.xml", "/robots.txt", "/healthz",
        "/account/login", "/account/access-denied", "/setup", "/not-found", "/posts/", "/page/2/",
    ];

    private static readonly string[] Keys = ["page", "q", "tag", "returnUrl", "ReturnUrl", "reason", "status", "handler", "_handler", "Input.Email", "%FF", "a[]", "__proto__", ""];

    private static readonly string[] Values =
    [
        "", "%00", "%FF", "%C0%AF", "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "%F4%90%80%80", "%e9", "%", "%%", "%2", "%ZZ", "%u0041",
        "%C3%A9", "%0D%0ASet-Cookie:%20x=y", "%3Cscript%3Ealert(1)%3C/script%3E", "'%22", "../../etc/passwd", "%2e%2e%2f%2e%2e%2f",
        "-1", "0", "2147483648", "99999999999999999999999", "1e309", "NaN", "-0", "0x10", "null", "[]", "{}", "+", "%2B", "%26", "a=b=c",
        "//evil.example", "https://evil.example/", "javascript:alert(1)", "/admin/p%C3%B6st", "%2Fadmin", "\\\\evil", "%5C%5Cevil",
        "%E2%80%8B", "%EF%BB%BF", "%7F", "%1B[31m", "AND 1=1--", "' OR '1'='1", "%27%3B DROP TABLE posts;--", "\"\"\"", "*", "~",
    ];

    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The same few hundred queries every run: a seeded generator, so a failure can be replayed.</summary>
    private static IEnumerable<string> Queries(int count)
    {
        var random = new Random(20261205);
        var longValue = new string('a', 6000);
        for (var i = 0; i < count; i++)
        {
            var query = new StringBuilder();
            var pairs = 1 + random.Next(4);
            for (var p = 0; p < pairs; p++)
            {
                var key = Keys[random.Next(Keys.Length)];
                var value = i % 97 == 0 ? longValue : Values[random.Next(Values.Length)];
                query.Append(p == 0 ? "" : random.Next(5) == 0 ? "&&" : "&").Append(key);
                if (random.Next(6) != 0)
                {
                    query.Append('=').Append(value);
                }
            }

            yield return query.ToString();
        }
    }

    [Fact]
    public async Task No_public_or_account_address_answers_5xx_to_an_odd_query_string()
    {
        var client = Dashboard.Anonymous(_app);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (query, index) in Queries(420).Select((q, i) => (q, i)))
        {
            var path = Paths[index % Paths.Length];
            var response = await client.GetAsync(path + "?" + query);
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} GET {path}?{query}");
            }
        }

        // Sign-in posts with odd return addresses and odd emails: refused or redirected, never an error.
        foreach (var query in Queries(40).Select(q => "returnUrl=" + q))
        {
            var response = await client.SubmitAsync("/account/login?" + query, "login", new Dictionary<string, string> { ["Input.Email"] = Dashboard.AdminEmail + "\u0000", ["Input.Password"] = "x" });
            sent++;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} POST /account/login?{query}");
            }
        }

        Assert.True(sent >= 400, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
