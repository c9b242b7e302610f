using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Digest.Infrastructure.Alerts.Channels;

/// <summary>
/// Posts an alert to a webhook: 10 seconds at most, no redirects followed, any 2xx is delivered. A generic JSON
/// webhook with a secret gets <c>X-Digest-Signature: sha256=&lt;HMAC of timestamp "." body&gt;</c> and
/// <c>X-Digest-Timestamp</c>, so the receiver can check the sender and refuse replays.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "Digest.Alerts";

    public async Task SendAsync(AlertWebhook webhook, AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var body = WebhookBodies.For(webhook.Format, message);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Digest-Alerts", "1.0"));
        if (webhook.Format == WebhookFormat.Json && webhook.Secret is { } secret)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
            request.Headers.Add("X-Digest-Timestamp", timestamp);
            request.Headers.Add("X-Digest-Signature", "sha256=" + Convert.ToHexStringLower(signature));
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlertDeliveryException($"{webhook.Name} answered HTTP {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException($"{webhook.Name} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"{webhook.Name} did not answer within 10 seconds", ex);
        }
    }
}
