using AngleSharp.Html.Parser;

namespace Digest.Web.Tests.Admin;

/// <summary>
/// Every dashboard screen is first painted by the server, before its circuit connects. As painted, each of its inputs,
/// selects, text areas and buttons is disabled and the screen says it is connecting, so nothing typed or clicked in
/// that moment is silently dropped (the browser tests type and click at once; this checks every screen's first paint).
/// </summary>
public sealed class EveryDashboardScreenWaitsForItsCircuit : IAsyncLifetime
{
    private DigestAppFactory _app = default!;
    private Guid _postId;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
        _postId = (await Dashboard.AddDraftAsync(_app)).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_control_of_every_screen_is_disabled_until_the_screen_is_interactive()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail);
        string[] screens =
        [
            "/admin", "/admin/posts", $"/admin/posts/{_postId}", $"/admin/posts/{_postId}/revisions", "/admin/runs", "/admin/account",
            "/admin/settings", "/admin/users", "/admin/audit", "/admin/sources", "/admin/prompts", "/admin/import-export", "/admin/subscribers",
        ];
        var checkedControls = 0;
        foreach (var screen in screens)
        {
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync(screen));
            var main = page.QuerySelector("main")!;

            var controls = main.QuerySelectorAll("input, select, textarea, button").ToList();
            checkedControls += controls.Count;
            var live = controls.Where(c => c.Closest("fieldset[disabled]") is null && !c.HasAttribute("disabled")).Select(c => c.OuterHtml[..Math.Min(120, c.OuterHtml.Length)]).ToList();
            Assert.True(live.Count == 0, $"{screen} paints controls that do nothing until its circuit connects:\n{string.Join("\n", live)}");
            Assert.Equal("no", main.QuerySelector("[data-interactive]")?.GetAttribute("data-interactive"));
            Assert.Contains("Connecting…", main.QuerySelector(".connecting")?.TextContent ?? "", StringComparison.Ordinal);
        }

        Assert.True(checkedControls > 50, $"only {checkedControls} controls found on {screens.Length} screens");
    }
}
