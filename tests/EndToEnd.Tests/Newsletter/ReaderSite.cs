using System.Globalization;
using Digest.Domain.Newsletter;
using Digest.Domain.Posts;
using Digest.Domain.Settings;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Editing;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.EndToEnd.Tests.Newsletter;

/// <summary>
/// The whole app on a real port with its job server, email going to a real SMTP server on 127.0.0.1, and the site's base
/// URL set to where it listens, so the links in the emails open this app.
/// </summary>
public sealed class ReaderSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "owner@example.com";
    public const string Password = "correct horse battery";

    private TestDatabase _database = default!;

    public Uri Address { get; private set; } = default!;

    public LocalSmtpServer Smtp { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        Smtp = await LocalSmtpServer.StartAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.BaseUrl, Address.ToString()));
        var admin = await UserAccounts.CreateAsync(scope.ServiceProvider, AdminEmail, "Site Admin", Password, Roles.Admin);
        Assert.True(admin.Succeeded, string.Join(" ", admin.Errors.Select(e => e.Description)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("Digest:Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Digest", _database.Options.ConnectionString);
        builder.UseSetting("Digest:DataDirectory", _database.Options.DataDirectory);
        builder.UseSetting("Digest:Demo", "true");
        builder.UseSetting("Digest:Jobs:Server", "true");
        builder.UseSetting("Digest:Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Digest:Email:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Digest:Email:Smtp:Security", "None");
        builder.UseSetting("Digest:Email:From", "Daily AI Digest <news@digest.example.org>");
        builder.UseSetting("Digest:Newsletter:PollInterval", "00:00:01");
    }

    /// <summary>Active subscribers, as an import makes them.</summary>
    public async Task SubscribeAsync(params string[] emails)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        db.AddRange(emails.Select(e => Subscriber.Imported(EmailAddress.Parse(e), DeliveryFrequency.Daily, DateTime.UtcNow)));
        await db.SaveChangesAsync();
    }

    /// <summary>Publishes a short house-format post the way an editor's approval does.</summary>
    public async Task<Post> PublishAsync(string title)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var now = DateTime.UtcNow;
        var post = Post.CreateDraft($"post-{Guid.NewGuid():N}", title, now, "Digest", PostOrigin.Manual, now);
        post.AddSection(new Section(SectionKind.Notice, null, SiteSettings.DefaultNotice));
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper.", "Longer context lets models read whole code bases and long reports at once.", "Costlier serving puts long-context models out of reach for small labs and hobbyists."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return await scope.ServiceProvider.GetRequiredService<PostEditor>().ApproveAndPublishAsync(post.Id, "Ada Editor", overrideReason: "browser test fixture");
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await _database.DisposeAsync();
    }
}
