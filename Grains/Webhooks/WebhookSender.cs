using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Webhooks;

/// <summary>Posts one delivery. One pooled client for all webhooks; redirects are not followed (a receiver answers where it was registered).</summary>
public sealed class WebhookSender(IOptions<WebhookOptions> options) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <returns>Null when the receiver answered 2xx; otherwise why the attempt failed.</returns>
    public async Task<string?> SendAsync(string url, long deliveryId, string body, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, bytes));
        using var timeout = new CancellationTokenSource(options.Value.AttemptTimeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}";
        }
        catch (OperationCanceledException)
        {
            return $"no answer within {options.Value.AttemptTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    public void Dispose() => _client.Dispose();
}
