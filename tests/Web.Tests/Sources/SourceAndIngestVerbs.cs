using System.CommandLine;
using Digest.Domain.Sources;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.Web.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Sources;

/// <summary>The operator's verbs against the real app and database, with sources served from 127.0.0.1.</summary>
public sealed class SourceAndIngestVerbs : IAsyncLifetime
{
    private const string Listing = """
        {"kind":"Listing","data":{"children":[
          {"kind":"t3","data":{"name":"t3_aa1","title":"[R] Sparse attention at 1M tokens","permalink":"/r/ml/comments/aa1/x/","url":"https://example.org/paper?utm_source=reddit","is_self":false,"score":420,"num_comments":80,"created_utc":1795659600,"link_flair_text":"Research"}},
          {"kind":"t3","data":{"name":"t3_aa2","title":"[D] Are benchmarks saturated?","permalink":"/r/ml/comments/aa2/y/","url":"https://www.reddit.com/r/ml/comments/aa2/y/","is_self":true,"selftext":"Discuss.","score":55,"num_comments":12,"created_utc":1795656000}}
        ]}}
        """;

    private LocalHttpServer _server = default!;
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync();
        _server.Serve("/listing", LocalResponse.Text(Listing, "application/json"));
        _server.Serve("/gone", LocalResponse.Code(System.Net.HttpStatusCode.NotFound));
        _app = await DigestAppFactory.CreateAsync();
        await SampleFeeds.UseOnlyAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Add_detects_the_kind_from_the_content_when_the_address_does_not_tell()
    {
        var (code, output) = await RunAsync("sources", "add", "--url", _server.Url("/listing").AbsoluteUri, "--name", "ML", "--role", "topics", "--weight", "2");

        Assert.Equal(0, code);
        Assert.Contains("Added Reddit source \"ML\"", output, StringComparison.Ordinal);
        var source = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Sources.SingleAsync());
        Assert.Equal((SourceKind.Reddit, SourceRole.Topics, 2.0), (source.Kind, source.Role, source.Weight));
    }

    [Fact]
    public async Task Add_refuses_an_address_whose_kind_cannot_be_found()
    {
        var (code, _) = await RunAsync("sources", "add", "--url", _server.Url("/gone").AbsoluteUri);

        Assert.Equal(1, code);
        Assert.Equal(0, await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Sources.CountAsync()));
    }

    [Fact]
    public async Task Test_prints_what_would_be_stored_and_stores_nothing()
    {
        await RunAsync("sources", "add", "--url", _server.Url("/listing").AbsoluteUri, "--name", "ML", "--kind", "reddit");

        var (code, output) = await RunAsync("sources", "test", "ml");

        Assert.Equal(0, code);
        Assert.Contains("read as Reddit: 2 item(s); nothing was stored.", output, StringComparison.Ordinal);
        Assert.Contains("[R] Sparse attention at 1M tokens", output, StringComparison.Ordinal);
        Assert.Contains("    https://example.org/paper\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("score 420 · 80 comments · published 2026-11-26 02:20 UTC · flair Research", output, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().SourceItems.CountAsync()));
    }

    [Fact]
    public async Task Ingest_prints_each_source_s_outcome_and_fails_only_when_every_source_failed()
    {
        await RunAsync("sources", "add", "--url", _server.Url("/listing").AbsoluteUri, "--name", "ML", "--kind", "reddit");
        await RunAsync("sources", "add", "--url", _server.Url("/gone").AbsoluteUri, "--name", "Gone", "--kind", "rss");

        var (code, output) = await RunAsync("ingest");
        var (_, list) = await RunAsync("sources", "list");
        await RunAsync("sources", "disable", "ML");
        var (allFailedCode, _) = await RunAsync("ingest");

        Assert.Equal(0, code);
        Assert.Contains("ok   ML: 2 items, 2 new, 0 updated", output, StringComparison.Ordinal);
        Assert.Contains("FAIL Gone: HTTP 404", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 sources read, 2 new items.", output, StringComparison.Ordinal);
        Assert.Matches(@"2 items · last fetch \d{4}-\d\d-\d\d \d\d:\d\d UTC · ok", list);
        Assert.Matches(@"0 items · last fetch .* · backing off until .* after 1 failure", list);
        Assert.Contains("last error: HTTP 404", list, StringComparison.Ordinal);
        Assert.Equal(1, allFailedCode);
    }

    [Fact]
    public async Task Disable_and_enable_find_a_source_by_name()
    {
        await RunAsync("sources", "add", "--url", _server.Url("/listing").AbsoluteUri, "--name", "ML", "--kind", "reddit");

        var (disabled, _) = await RunAsync("sources", "disable", "ml");
        var (_, list) = await RunAsync("sources", "list");
        var (noneEnabled, ingest) = await RunAsync("ingest");
        var (enabled, _) = await RunAsync("sources", "enable", "ML");
        var (missing, _) = await RunAsync("sources", "enable", "nothing by this name");

        Assert.Equal((0, 0, 0, 1), (disabled, noneEnabled, enabled, missing));
        Assert.Contains("off  Reddit", list, StringComparison.Ordinal);
        Assert.Contains("· disabled", list, StringComparison.Ordinal);
        Assert.Contains("No source is enabled.", ingest, StringComparison.Ordinal);
        Assert.True(await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Sources.Select(x => x.Enabled).SingleAsync()));
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CommandContext(_app.Services, output, error);
        var root = new RootCommand { SourceCommands.Create(context), IngestCommand.Create(context) };
        var code = await root.Parse(args).InvokeAsync();
        return (code, output.ToString() + error);
    }
}
