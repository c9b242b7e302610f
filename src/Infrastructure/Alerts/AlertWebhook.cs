using Digest.Domain.Common;

namespace Digest.Infrastructure.Alerts;

/// <summary>The shape of a webhook's body: a generic JSON document, or what Slack's and Discord's incoming webhooks expect.</summary>
public enum WebhookFormat
{
    Json,
    Slack,
    Discord,
}

/// <summary>An address alerts are posted to. A secret, when set, signs generic JSON bodies (X-Digest-Signature).</summary>
public sealed class AlertWebhook
{
    private AlertWebhook() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public WebhookFormat Format { get; private set; }
    public string? Secret { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static AlertWebhook Create(string name, string url, WebhookFormat format, string? secret, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new DomainException("A webhook needs a name of at most 100 characters.");
        }

        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.AbsoluteUri.Length > 2000)
        {
            throw new DomainException($"A webhook URL must be an absolute http(s) address, not \"{url}\".");
        }

        if (!Enum.IsDefined(format))
        {
            throw new DomainException("Choose the webhook's format: JSON, Slack or Discord.");
        }

        return new AlertWebhook
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Url = uri.AbsoluteUri,
            Format = format,
            Secret = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim(),
            CreatedAt = at,
        };
    }

    /// <summary>The address with any query string (where services put their tokens) hidden, for screens and logs.</summary>
    public string SafeUrl
    {
        get
        {
            var uri = new Uri(Url);
            var path = uri.AbsolutePath.Length > 24 ? uri.AbsolutePath[..24] + "…" : uri.AbsolutePath;
            return $"{uri.Scheme}://{uri.Authority}{path}";
        }
    }
}
