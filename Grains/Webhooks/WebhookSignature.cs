using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Grains.Webhooks;

/// <summary>The headers of a delivery: its id, and the HMAC-SHA256 of the raw body keyed with the webhook's secret.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Collaboration-Signature";
    public const string DeliveryHeader = "X-Collaboration-Delivery";

    /// <summary><c>sha256=</c> and the lowercase hex of HMAC-SHA256(secret, body).</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A new secret: 32 random bytes as hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
