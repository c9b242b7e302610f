using Bunit;
using Digest.Web.Components.Admin;

namespace Digest.Web.Tests.Admin;

/// <summary>The new-user form says what is wrong in words, beside the field, and asks for an email address as one.</summary>
public sealed class FormsSpeakPlainly : DashboardPageContext
{
    [Fact]
    public void An_empty_or_short_new_account_is_explained_beside_each_field()
    {
        var cut = Render<Users>();
        cut.WaitForElement("#new-email");
        Assert.Equal("email", cut.Find("#new-email").GetAttribute("type"));

        cut.Find("#new-email").Change("ada");
        cut.Find("#new-password").Change("short");
        cut.Find("form.new-user").Submit();

        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Equal(["That is not an email address; it looks like ada@example.com.", "Use at least 10 characters: a few words make a good password."], messages);
        Assert.DoesNotContain("The field", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_that_already_has_an_account_is_said_as_an_admin_would()
    {
        var cut = Render<Users>();
        cut.WaitForElement("#new-email");

        cut.Find("#new-email").Change(Dashboard.EditorEmail);
        cut.Find("#new-name").Change("Ada Lovelace");
        cut.Find("#new-password").Change("a long enough password");
        cut.Find("form.new-user").Submit();

        cut.WaitForAssertion(() => Assert.Equal($"There is already an account for {Dashboard.EditorEmail}.", cut.Find("[role=alert]").TextContent));
    }
}
