using System.Net;
using Digest.Infrastructure.Audit;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Digest.Web.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Trust;

/// <summary>Sign-in answers an unknown email, a wrong password and a locked account alike; the lock-out still holds and is audited.</summary>
public sealed class SignInTellsStrangersNothing : IAsyncLifetime
{
    private DigestAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _app = await DigestAppFactory.CreateAsync();
        await Dashboard.AddUsersAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<(HttpStatusCode Status, string? Answer)> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await client.SubmitAsync(url, "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        var answer = response.StatusCode == HttpStatusCode.OK ? (await Forms.ParseAsync(response)).QuerySelector("p.alert[role=alert]")?.TextContent.Trim() : response.LocalTarget();
        return (response.StatusCode, answer);
    }

    [Fact]
    public async Task Unknown_and_locked_accounts_get_the_same_answer_and_the_lockout_is_audited()
    {
        var client = Dashboard.Anonymous(_app);
        var unknown = await SignInAsync(client, "nobody@example.com", Dashboard.Password);
        var wrong = await SignInAsync(client, Dashboard.EditorEmail, "not the password");
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync(client, Dashboard.EditorEmail, "still not the password");
        }

        var locked = await SignInAsync(client, Dashboard.EditorEmail, Dashboard.Password);

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Equal((HttpStatusCode.OK, SignInAttempts.Refusal), locked);
        var audit = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditActions.LockedOutBySignIns && e.SubjectLabel == Dashboard.EditorEmail);
        Assert.Contains(audit, e => e.Action == AuditActions.SignInRefusedLocked && e.SubjectLabel == Dashboard.EditorEmail && e.Details!.StartsWith("refused: locked until", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.SignedIn && e.SubjectLabel == Dashboard.EditorEmail);
    }

    [Theory]
    [InlineData("/admin/posts", "/admin/posts")]
    [InlineData("/admin/pöst", "/admin")]
    [InlineData("/admin/\u202Eevil", "/admin")]
    [InlineData("/admin\r\nSet-Cookie: x=y", "/admin")]
    [InlineData("//evil.example/", "/admin")]
    [InlineData("/\\evil.example/", "/admin")]
    [InlineData("https://evil.example/", "/admin")]
    [InlineData("javascript:alert(1)", "/admin")]
    [InlineData("/admin/%E9%ZZ", "/admin")]
    public async Task A_malformed_return_address_falls_back_to_the_dashboard(string returnUrl, string expected)
    {
        var (status, target) = await SignInAsync(Dashboard.Anonymous(_app), Dashboard.AdminEmail, Dashboard.Password, returnUrl);

        Assert.Equal((HttpStatusCode.Redirect, expected), (status, target));
    }

    [Fact]
    public async Task Signing_in_and_out_are_audited_with_who_and_from_where()
    {
        var client = await Dashboard.SignedInAsync(_app, Dashboard.AdminEmail);
        var form = (await client.GetDocumentAsync("/admin/posts")).QuerySelector("form[action='/account/logout']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var audit = await _app.WithScopeAsync(s => s.GetRequiredService<DigestDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.SignedIn, AuditActions.SignedOut], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(Dashboard.AdminEmail, e.SubjectLabel));
        Assert.All(audit, e => Assert.NotNull(e.ActorId));
        Assert.All(audit, e => Assert.False(string.IsNullOrEmpty(e.Origin)));
    }
}
