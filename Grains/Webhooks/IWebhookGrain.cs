namespace Collaboration.Grains.Webhooks;

/// <summary>
/// One webhook, keyed by its id: a durable outbox delivered in order, each delivery retried with backoff until it
/// succeeds or its retry period is over. Queuing never waits for a receiver.
/// </summary>
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Registers the webhook (called by its owner's grain); 409 when the id is taken.</summary>
    Task<WebhookRegistration> CreateAsync(string owner, string url, IReadOnlyList<string> kinds, string secret);

    /// <summary>The webhook, or null when there is none (or it was deleted).</summary>
    Task<WebhookRegistration?> GetAsync();

    /// <summary>Stops deliveries for good; what was queued is dropped.</summary>
    Task DeleteAsync();

    /// <summary>Queues the payloads of the webhook's kinds in order; one already queued (by its source number) is skipped.</summary>
    Task EnqueueAsync(IReadOnlyList<WebhookPayload> payloads);

    /// <summary>The most recent deliveries, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(int limit);
}
