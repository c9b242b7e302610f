using System.Net;
using Digest.Web.Tests.Admin;

namespace Digest.Web.Tests.Newsletter;

public sealed class NewsletterPagesNeedTheAdminRole
{
    private static readonly string[] Routes = ["/admin/subscribers", "/admin/newsletter", "/admin/subscribers/export.csv"];

    [Fact]
    public async Task Nobody_but_an_admin_sees_the_subscriber_list_the_deliveries_or_the_export()
    {
        await using var site = await NewsletterApp.StartAsync();
        await site.AddActiveAsync("ada@example.com");
        await site.WithScopeAsync(async services =>
        {
            foreach (var (email, role) in new[] { (Dashboard.AdminEmail, Infrastructure.Identity.Roles.Admin), (Dashboard.EditorEmail, Infrastructure.Identity.Roles.Editor) })
            {
                Assert.True((await Account.UserAccounts.CreateAsync(services, email, Dashboard.NameFor(email), Dashboard.Password, role)).Succeeded);
            }

            return true;
        });

        var anonymous = site.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var editor = await SignInAsync(site, Dashboard.EditorEmail);
        var admin = await SignInAsync(site, Dashboard.AdminEmail);
        foreach (var route in Routes)
        {
            var nobody = await anonymous.GetAsync(route);
            Assert.True(nobody.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{route}: {(int)nobody.StatusCode}");
            Assert.DoesNotContain("ada@example.com", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var refused = await editor.GetAsync(route);
            Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{route}: {(int)refused.StatusCode}");
            Assert.DoesNotContain("ada@example.com", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(route)).StatusCode);
        }

        var csv = await admin.GetAsync("/admin/subscribers/export.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("email,status,frequency", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("ada@example.com,active,daily", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(NewsletterApp site, string email)
    {
        var client = site.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Dashboard.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
