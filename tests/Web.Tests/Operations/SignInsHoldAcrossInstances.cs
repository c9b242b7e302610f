using System.Net;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Operations;

/// <summary>
/// The Data Protection keys live in the database, so two instances (here two hosts with their own services, as two
/// processes would have) accept each other's sign-in cookies and antiforgery tokens.
/// </summary>
public sealed class SignInsHoldAcrossInstances
{
    private const string Email = "owner@example.com";
    private const string Password = "correct horse battery";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sign_in_made_through_one_instance_opens_the_dashboard_on_another(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        await using var a = new DigestAppFactory(database) { OwnsDatabase = false };
        await using var b = new DigestAppFactory(database) { OwnsDatabase = false };
        await a.WithScopeAsync(services => UserAccounts.CreateAsync(services, Email, Password, Roles.Admin));
        var onA = a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signedIn = await onA.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("digest.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/settings");
        request.Headers.Add("Cookie", cookie);
        var onB = await b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("Settings", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_rendered_by_one_instance_passes_antiforgery_on_another()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var a = new DigestAppFactory(database) { OwnsDatabase = false };
        await using var b = new DigestAppFactory(database) { OwnsDatabase = false };
        await a.WithScopeAsync(services => UserAccounts.CreateAsync(services, Email, Password, Roles.Admin));

        // The form and its antiforgery cookie come from A; the post goes to B, as after a proxy switched instances.
        var form = await a.CreateClient().GetAsync("/account/login");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var document = await Forms.ParseAsync(form);
        var fields = document.QuerySelectorAll("form input[type=hidden]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgery);

        var response = await b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.LocalTarget());
    }

    [Fact]
    public async Task Keys_from_the_old_keys_folder_are_moved_into_the_database_so_nobody_is_signed_out()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        // What the previous release did: keys as files under the data directory.
        var keys = new DirectoryInfo(Path.Combine(database.Options.DataDirectory, "keys"));
        var before = DataProtectionProvider.Create(keys, builder => builder.SetApplicationName("Digest"));
        var payload = before.CreateProtector("a sign-in cookie").Protect("still signed in");

        await using var app = new DigestAppFactory(database) { OwnsDatabase = false };
        _ = app.CreateClient();

        var unprotected = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("a sign-in cookie").Unprotect(payload);
        Assert.Equal("still signed in", unprotected);
        var stored = await app.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<DigestDbContext>().DataProtectionKeys.Count()));
        Assert.Equal(keys.GetFiles("key-*.xml").Length, stored);
    }
}
