using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digest.Infrastructure.Alerts.Channels;

/// <summary>
/// The body of a webhook post in each format. Alert text carries names from outside (source names, post titles), so
/// the chat formats are escaped: no Slack mention (&lt;!channel&gt;) or link syntax, and Discord is told to ping nobody.
/// </summary>
public static class WebhookBodies
{
    public static string For(WebhookFormat format, AlertMessage message) => format switch
    {
        WebhookFormat.Slack => Slack(message),
        WebhookFormat.Discord => Discord(message),
        _ => Json(message),
    };

    /// <summary>A plain document for any receiver: what, when, where to look.</summary>
    public static string Json(AlertMessage message) => new JsonObject
    {
        ["alert"] = message.Kind.Slug(),
        ["severity"] = message.Kind.IsProblem() ? "warning" : "info",
        ["title"] = message.Title,
        ["text"] = message.Text,
        ["url"] = message.Link,
        ["at"] = DateTime.SpecifyKind(message.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["site"] = message.Site,
        ["test"] = message.IsTest,
    }.ToJsonString();

    /// <summary>Slack incoming webhooks (and Mattermost, Rocket.Chat): <c>text</c> in mrkdwn.</summary>
    public static string Slack(AlertMessage message)
    {
        var text = new StringBuilder();
        text.Append(message.Kind.IsProblem() ? ":warning: " : ":newspaper: ").Append('*').Append(EscapeSlack(message.Title)).Append('*');
        if (message.IsTest)
        {
            text.Append(" _(test)_");
        }

        text.Append('\n').Append(EscapeSlack(message.Text));
        if (message.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            text.Append('\n').Append('<').Append(link.Replace("|", "%7C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)).Append("|Open in Digest>");
        }

        return new JsonObject { ["text"] = text.ToString() }.ToJsonString();
    }

    /// <summary>Discord webhooks: one embed, no mentions.</summary>
    public static string Discord(AlertMessage message)
    {
        var embed = new JsonObject
        {
            ["title"] = Cut((message.IsTest ? "[test] " : "") + message.Title, 256),
            ["description"] = Cut(message.Text, 4000),
            ["color"] = message.Kind.IsProblem() ? 0xE67E22 : 0x2E86C1,
            ["timestamp"] = DateTime.SpecifyKind(message.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["footer"] = new JsonObject { ["text"] = Cut(message.Site, 200) },
        };
        if (message.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            embed["url"] = link;
        }

        return new JsonObject
        {
            ["username"] = "Digest",
            ["embeds"] = new JsonArray(embed),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    // Slack's three control characters; everything else is plain text.
    private static string EscapeSlack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
