namespace Collaboration.Grains.Webhooks;

/// <summary>One delivery of a webhook: its id (sent as <c>X-Collaboration-Delivery</c>), what it carries, and how it went.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.WebhookDelivery")]
public sealed record WebhookDelivery(
    long Id,
    string Kind,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError);
