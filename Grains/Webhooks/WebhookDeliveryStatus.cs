namespace Collaboration.Grains.Webhooks;

[GenerateSerializer, Alias("collaboration.WebhookDeliveryStatus")]
public enum WebhookDeliveryStatus
{
    /// <summary>Queued or being retried.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after retrying for the whole retry period.</summary>
    Failed,
}
