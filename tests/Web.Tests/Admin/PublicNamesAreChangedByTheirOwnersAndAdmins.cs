using Bunit;
using Digest.Infrastructure.Identity;
using Digest.Web.Account;
using Digest.Web.Components.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Web.Tests.Admin;

/// <summary>"Your account" lets anyone on the dashboard change the public name readers see; an address is refused.</summary>
public sealed class AnEditorChangesTheirPublicName : EditorPageContext
{
    protected override void AddServices(IServiceCollection services) => services.AddScoped<UserAdministration>();

    [Fact]
    public async Task The_new_name_is_saved_and_an_address_is_refused_with_a_reason()
    {
        var cut = Render<YourAccount>();
        cut.WaitForElement("#display-name");
        Assert.Equal("Editor", cut.Find("#display-name").GetAttribute("value"));

        cut.Find("#display-name").Input("  Edith   Editor ");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Readers now see you as “Edith Editor”.", cut.Find("[role=status].alert").TextContent));
        Assert.Equal("Edith Editor", await DisplayNameAsync(Dashboard.EditorEmail));

        cut.Find("#display-name").Input("edith@example.com");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("must not be an email address", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Edith Editor", await DisplayNameAsync(Dashboard.EditorEmail));
    }

    private Task<string?> DisplayNameAsync(string email) =>
        App.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.DisplayName);
}

/// <summary>An admin renames any account on the Users screen; the audit log keeps who changed what.</summary>
public sealed class AnAdminRenamesAnAccount : EditorPageContext
{
    protected override string SignedInAs => Dashboard.AdminEmail;

    protected override void AddServices(IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<Digest.Infrastructure.Audit.AuditLog>();
    }

    [Fact]
    public async Task The_users_screen_renames_and_audits()
    {
        var cut = Render<Users>();
        var field = cut.WaitForElement($"input[aria-label='Public name of {Dashboard.EditorEmail}']");

        field.Input("Edith Editor");
        field.Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("is now shown to readers as \"Edith Editor\"", cut.Find("[role=status].alert").TextContent, StringComparison.Ordinal));
        var log = await App.WithScopeAsync(s => s.GetRequiredService<Digest.Infrastructure.Audit.AuditLog>().ReadAsync(new Digest.Infrastructure.Audit.AuditQuery(SubjectKind: Digest.Infrastructure.Audit.AuditSubject.UserKind)));
        var renamed = log.Entries.First(e => e.Action == Digest.Infrastructure.Audit.AuditActions.UserRenamed);
        Assert.Equal(Dashboard.AdminEmail, renamed.Actor);
        Assert.Equal("shown as \"Editor\" → \"Edith Editor\"", renamed.Details);
    }
}
