using Digest.Infrastructure.Email;
using Digest.TestSupport;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Digest.Infrastructure.Tests.Newsletter;

public sealed class EmailSettingsAreCheckedAtStartup
{
    [Theory]
    [InlineData("Digest:Email:Smtp:Security", "Ssl", "use None, StartTls (the default) or Tls")]
    [InlineData("Digest:Email:Smtp:Port", "70000", "from 1 to 65535")]
    [InlineData("Digest:Email:MessagesPerMinute", "0", "MessagesPerMinute")]
    [InlineData("Digest:Email:From", "news@example.org, other@example.org", "one address")]
    [InlineData("Digest:Email:From", "", "Digest:Email:From is empty")]
    [InlineData("Digest:Email:Smtp:Password", "", "Password is empty")]
    public void A_wrong_setting_is_named_with_what_to_write_instead(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Digest:Email:Smtp:Host"] = "smtp.example.org",
            ["Digest:Email:Smtp:User"] = "news",
            ["Digest:Email:Smtp:Password"] = "secret",
            ["Digest:Email:From"] = "News <news@example.org>",
            [key] = value,
        };
        var error = Assert.Throws<InvalidOperationException>(() => EmailOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_email_is_off_and_the_defaults_are_safe()
    {
        var options = EmailOptions.Read(new ConfigurationBuilder().Build());
        Assert.False(options.IsConfigured);
        Assert.Equal((587, SmtpSecurity.StartTls, 600), (options.Smtp.Port, options.Smtp.Security, options.MessagesPerMinute));
        Assert.Equal(SecureSocketOptions.StartTls, SmtpConnection.Map(SmtpSecurity.StartTls));
        Assert.Equal(SecureSocketOptions.SslOnConnect, SmtpConnection.Map(SmtpSecurity.Tls));
        Assert.Equal(SecureSocketOptions.None, SmtpConnection.Map(SmtpSecurity.None));
    }

    [Fact]
    public void The_sender_keeps_its_name_and_address()
    {
        var options = EmailOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Email:Smtp:Host"] = "smtp.example.org",
            ["Digest:Email:From"] = "  Daily AI Digest <news@example.org> ",
        }).Build());
        Assert.True(options.IsConfigured);
        Assert.Equal(("Daily AI Digest", "news@example.org"), (options.From.Name, options.From.Address));
    }

    [Fact]
    public async Task StartTls_against_a_server_without_it_is_refused_rather_than_sent_in_the_clear()
    {
        await using var smtp = await LocalSmtpServer.StartAsync();
        var error = await Assert.ThrowsAsync<SmtpUnavailableException>(() => SmtpConnection.OpenAsync(
            new SmtpSettings("127.0.0.1", smtp.Port, SmtpSecurity.StartTls, null, null, TimeSpan.FromSeconds(5)), CancellationToken.None));
        Assert.Equal(SendResult.ServerRefused, error.Outcome.Result);
        Assert.Contains("Security=StartTls", error.Outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task The_user_and_password_sign_in_and_a_wrong_password_is_a_clear_refusal()
    {
        await using var smtp = await LocalSmtpServer.StartAsync(user: "news", password: "right");
        var message = new MimeMessage { Subject = "hello" };
        message.From.Add(MailboxAddress.Parse("news@example.org"));
        message.To.Add(MailboxAddress.Parse("ada@example.com"));
        message.Body = new TextPart("plain") { Text = "hello" };

        await using (var connection = await SmtpConnection.OpenAsync(new SmtpSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "news", "right", TimeSpan.FromSeconds(5)), CancellationToken.None))
        {
            Assert.Equal(SendResult.Sent, (await connection.SendAsync(message, CancellationToken.None)).Result);
        }

        var error = await Assert.ThrowsAsync<SmtpUnavailableException>(() => SmtpConnection.OpenAsync(
            new SmtpSettings("127.0.0.1", smtp.Port, SmtpSecurity.None, "news", "wrong", TimeSpan.FromSeconds(5)), CancellationToken.None));
        Assert.Equal(SendResult.ServerRefused, error.Outcome.Result);
        Assert.Contains("refused the user name or password", error.Outcome.Reason, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
    }
}
