using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
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
        await a.WithScopeAsync(services => UserAccounts.CreateAsync(services, Email, "Site Admin", Password, Roles.Admin));
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
        await a.WithScopeAsync(services => UserAccounts.CreateAsync(services, Email, "Site Admin", Password, Roles.Admin));

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

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_sign_ins_still_hold_across_instances()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var certificate = Path.Combine(Path.GetTempPath(), $"digest-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Digest Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, made.Export(X509ContentType.Pfx, "pfx secret"));
        }

        try
        {
            var settings = new Dictionary<string, string?> { ["Digest:DataProtection:CertificatePath"] = certificate, ["Digest:DataProtection:CertificatePassword"] = "pfx secret" };
            await using var a = new DigestAppFactory(database, settings: settings) { OwnsDatabase = false };
            await using var b = new DigestAppFactory(database, settings: settings) { OwnsDatabase = false };
            await a.WithScopeAsync(services => UserAccounts.CreateAsync(services, Email, "Site Admin", Password, Roles.Admin));
            var signedIn = await a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
                .SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = Email, ["Input.Password"] = Password });
            var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("digest.auth=", StringComparison.Ordinal)).Split(';')[0];
            using var onB = new HttpRequestMessage(HttpMethod.Get, "/admin/settings");
            onB.Headers.Add("Cookie", cookie);

            Assert.Equal(HttpStatusCode.OK, (await b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(onB)).StatusCode);
            // Someone reading the table (a backup, a replica) finds no usable key material.
            var stored = await a.WithScopeAsync(services => services.GetRequiredService<DigestDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_the_start_and_says_which_setting_to_fix()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var missing = Path.Combine(database.Options.DataDirectory, "no-such.pfx");
        await using var app = new DigestAppFactory(database, settings: new Dictionary<string, string?> { ["Digest:DataProtection:CertificatePath"] = missing }) { OwnsDatabase = false };

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = string.Join(" / ", Chain(error).Select(e => e.Message));
        Assert.Contains("Digest:DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains(missing, message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
        }
    }
}
