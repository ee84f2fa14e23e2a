using System.Net;
using System.Text;
using System.Text.Json;

namespace Collaboration.Tests.Webhooks;

/// <summary>One request a <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
public sealed record ReceivedDelivery(string DeliveryId, string Signature, string? ContentType, byte[] RawBody, HttpStatusCode Status)
{
    public JsonElement Json => JsonDocument.Parse(Encoding.UTF8.GetString(RawBody)).RootElement;
}
