using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Hugo;
using Digest.Web.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Import;

/// <summary>The app over a database of its own, with users to sign in as and the seed archive a call away.</summary>
internal static class ImportSite
{
    public const string Password = "correct horse battery";

    public static HttpClient Client(this DigestAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> SignedInAsync(this DigestAppFactory app, string email, string role)
    {
        await app.WithScopeAsync(async services =>
        {
            var result = await UserAccounts.CreateAsync(services, email, Admin.Dashboard.NameFor(email), Password, role);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });
        var client = app.Client();
        var response = await client.SubmitAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<HugoImportReport> ImportSeedAsync(this DigestAppFactory app, params HugoArchiveEntry[] extra) =>
        app.WithScopeAsync(services => services.GetRequiredService<HugoImporter>().ImportAsync(
            [.. HugoArchiveReader.ReadFolder(SeedFiles.Path), .. extra]));

    /// <summary>Posts the page's upload form as a browser would: multipart, with its hidden fields and a file.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string url, string formName, string fileField, string fileName, byte[] content, IDictionary<string, string>? fields = null)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value={formName}]") is not null)
            ?? throw new InvalidOperationException($"No form \"{formName}\" on {url}");
        Assert.Equal("multipart/form-data", form.Enctype);
        using var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            body.Add(new StringContent(input.Value), input.Name!);
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            body.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        body.Add(file, fileField, fileName);
        return await client.PostAsync(url, body);
    }
}
