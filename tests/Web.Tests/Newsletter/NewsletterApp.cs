using System.Globalization;
using Digest.Domain.Newsletter;
using Digest.Infrastructure.Data;
using Digest.TestSupport;
using Digest.Web.Tests.Public;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Newsletter;

/// <summary>
/// The whole app with email going to a real SMTP server on 127.0.0.1 and the site's base URL set, so the newsletter is
/// open; or, with <c>email: false</c>, as a fresh install without email settings.
/// </summary>
internal sealed class NewsletterApp : IAsyncDisposable
{
    public const string BaseUrl = "https://digest.example.org/";

    private readonly DigestAppFactory _factory;

    private NewsletterApp(DigestAppFactory factory, WebApplicationFactory<Program> app, LocalSmtpServer smtp)
    {
        _factory = factory;
        App = app;
        Smtp = smtp;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public WebApplicationFactory<Program> App { get; }

    public LocalSmtpServer Smtp { get; }

    public HttpClient Client { get; }

    public static async Task<NewsletterApp> StartAsync(bool email = true, Action<IWebHostBuilder>? configure = null)
    {
        var factory = await DigestAppFactory.CreateAsync();
        var smtp = await LocalSmtpServer.StartAsync();
        var app = factory.WithWebHostBuilder(builder =>
        {
            if (email)
            {
                builder.UseSetting("Digest:Email:Smtp:Host", "127.0.0.1");
                builder.UseSetting("Digest:Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
                builder.UseSetting("Digest:Email:Smtp:Security", "None");
                builder.UseSetting("Digest:Email:From", "Daily AI Digest <news@digest.example.org>");
            }

            builder.UseSetting("Digest:RateLimits:Subscribe:PermitLimit", "1000");
            configure?.Invoke(builder);
        });
        var newsletter = new NewsletterApp(factory, app, smtp);
        await newsletter.WithDbAsync(db => db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, BaseUrl)));
        return newsletter;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<DigestDbContext, Task<T>> work) => WithScopeAsync(s => work(s.GetRequiredService<DigestDbContext>()));

    public Task<List<Subscriber>> SubscribersAsync() => WithDbAsync(db => db.Set<Subscriber>().AsNoTracking().OrderBy(s => s.Email).ToListAsync());

    public Task<Subscriber> AddActiveAsync(string email, DeliveryFrequency frequency = DeliveryFrequency.Daily) => WithDbAsync(async db =>
    {
        var subscriber = Subscriber.Imported(EmailAddress.Parse(email), frequency, DateTime.UtcNow);
        db.Add(subscriber);
        await db.SaveChangesAsync();
        return subscriber;
    });

    /// <summary>Publishes a house-format post the way the editor does.</summary>
    public Task<Digest.Domain.Posts.Post> PublishAsync(PostBuilder builder) => WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<DigestDbContext>();
        var post = builder.Build(DateTime.UtcNow);
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return await services.GetRequiredService<Digest.Infrastructure.Editing.PostEditor>().ApproveAndPublishAsync(post.Id, Public.PublicSite.Editor, overrideReason: Public.PublicSite.FixtureOverride);
    });

    /// <summary>A form post as a browser sends it (asking for HTML) or, with <paramref name="browser"/> false, as a script does.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, bool browser = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (browser)
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
