using Digest.Domain.Posts;
using Digest.Infrastructure.Data;
using Digest.Infrastructure.Identity;
using Digest.TestSupport;
using Digest.Web.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.EndToEnd.Tests;

/// <summary>
/// The whole app on a real port (Kestrel on 127.0.0.1), with the Hangfire server running and the demo sources,
/// over a fresh SQLite database, with an admin and an editor account.
/// </summary>
public class LiveApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "owner@example.com";
    public const string EditorEmail = "editor@example.com";
    public const string Password = "correct horse battery";
    public const string AdminName = "Olive Owner";
    public const string EditorName = "Edith Editor";

    private TestDatabase _database = default!;

    public Uri Address { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        await using var scope = Services.CreateAsyncScope();
        foreach (var (email, name, role) in new[] { (AdminEmail, AdminName, Roles.Admin), (EditorEmail, EditorName, Roles.Editor) })
        {
            var created = await UserAccounts.CreateAsync(scope.ServiceProvider, email, name, Password, role);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's files (blazor.web.js) are only found through the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Digest:Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Digest", _database.Options.ConnectionString);
        builder.UseSetting("Digest:DataDirectory", _database.Options.DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(ConfigureServices);
    }

    /// <summary>For a fixture that runs the app differently (e.g. a server that forgets disconnected circuits).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A hand-written draft with one topic, saved through the database.</summary>
    public async Task<Post> AddDraftAsync(string title = "A post to edit")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DigestDbContext>();
        var now = DateTime.UtcNow;
        var post = Post.CreateDraft($"draft-{Guid.NewGuid():N}", title, now, "Digest", PostOrigin.Manual, now);
        post.AddSection(new Section(SectionKind.Topic, "Sparse attention at 1M tokens", "A paper.", "Longer context lets models read whole code bases at once.", "Costlier serving puts long-context models out of reach for small labs."))
            .AddSource(new SectionSource(null, "r/MachineLearning · 342 points", "https://example.org/r/ml/1", "most discussed"));
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    }

    public async Task<Post> FindAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Digest.Infrastructure.Editing.PostEditor>().FindAsync(id.ToString());
    }

    /// <summary>Demo sources (no network) and a job server, unless a variant says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Digest:Demo"] = "true",
        ["Digest:Jobs:Server"] = "true",
        // Browser tests see a revocation through the user's next action and this process's own notice, never by
        // waiting for the periodic check (which covers changes made by another instance or the command line).
        ["Digest:Access:CircuitCheckInterval"] = "01:00:00",
    };

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The app reading real HTTP (sources on 127.0.0.1 allowed, so tests serve their own sites), without a job server.</summary>
public sealed class LiveAppReadingTheNetwork : LiveApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Digest:Demo"] = "false",
        ["Digest:Jobs:Server"] = "false",
        ["Digest:Sources:AllowPrivateNetworks"] = "true",
    };
}
