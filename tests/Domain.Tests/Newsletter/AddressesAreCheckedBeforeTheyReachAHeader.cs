using Digest.Domain.Newsletter;

namespace Digest.Domain.Tests.Newsletter;

public sealed class AddressesAreCheckedBeforeTheyReachAHeader
{
    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  Ada.Lovelace+news@Example.COM ", "ada.lovelace+news@example.com")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("reader@bücher.de", "reader@xn--bcher-kva.de")]
    [InlineData("reader@example.com.", "reader@example.com")]
    public void A_good_address_is_kept_in_one_spelling(string typed, string stored) =>
        Assert.Equal(stored, EmailAddress.Parse(typed).Value);

    [Theory]
    [InlineData("", "Enter an email address.")]
    [InlineData("   ", "Enter an email address.")]
    [InlineData("ada@example.com\r\nBcc: everyone@example.com", "line breaks")]
    [InlineData("ada@example.com\n", "line breaks")]
    [InlineData("ada@example.com%0d%0aBcc:x@example.com", "one email address only")]
    [InlineData("ada@example.com, bob@example.com", "one email address only")]
    [InlineData("ada@example.com;bob@example.com", "one email address only")]
    [InlineData("ada@example.com bob@example.com", "one email address only")]
    [InlineData("ada@bob@example.com", "one email address only")]
    [InlineData("Ada <ada@example.com>", "one email address only")]
    [InlineData("<ada@example.com>", "just the address")]
    [InlineData("\"ada\"@example.com", "just the address")]
    [InlineData("ada@[127.0.0.1]", "just the address")]
    [InlineData("ada", "needs a name, an @ and a domain")]
    [InlineData("@example.com", "needs a name, an @ and a domain")]
    [InlineData("ada@", "needs a name, an @ and a domain")]
    [InlineData("ada@localhost", "needs a dot")]
    [InlineData("ada@127.0.0.1", "not an IP address")]
    [InlineData("ada..lovelace@example.com", "two dots in a row")]
    [InlineData(".ada@example.com", "start or end with a dot")]
    [InlineData("=cmd|calc!A0@example.com", "starting with =, + or -")]
    [InlineData("adé@example.com", "plain letters")]
    [InlineData("ada@exa_mple.com", "not a valid domain")]
    public void A_bad_address_is_refused_with_a_reason(string typed, string reason)
    {
        Assert.False(EmailAddress.TryParse(typed, out var address, out var error));
        Assert.Null(address);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_overlong_address_is_refused()
    {
        var longLocal = new string('a', 65) + "@example.com";
        var longWhole = "ada@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com";
        Assert.Contains("at most 64", Refusal(longLocal), StringComparison.Ordinal);
        Assert.Contains("at most 254", Refusal(longWhole), StringComparison.Ordinal);
        Assert.Contains("at most 254", Refusal(new string('c', 300) + "@example.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_suppression_hash_is_the_same_for_every_spelling_and_does_not_contain_the_address()
    {
        var hash = EmailAddress.Parse("Ada@Example.com").SuppressionHash;
        Assert.Equal(hash, EmailAddress.Parse("ada@example.com ").SuppressionHash);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("ada", hash, StringComparison.Ordinal);
    }

    private static string Refusal(string typed) => EmailAddress.TryParse(typed, out _, out var error) ? "" : error;
}
