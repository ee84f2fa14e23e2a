namespace Collaboration.Grains.Webhooks;

/// <summary>
/// The webhooks of one owner (a partner's id, or <see cref="Coordinator"/>), a short list: it registers and removes
/// them, and offers each of them what its owner receives.
/// </summary>
public interface IWebhookOwnerGrain : IGrainWithStringKey
{
    const string Coordinator = "coordinator";

    /// <summary>The most webhooks one owner may have.</summary>
    const int MaxWebhooks = 10;

    Task<WebhookCreated> RegisterAsync(string url, IReadOnlyList<string> kinds);

    Task<IReadOnlyList<WebhookRegistration>> ListAsync();

    /// <summary>Deletes one of the owner's webhooks; false when it has none of that id.</summary>
    Task<bool> RemoveAsync(string webhookId);

    /// <summary>Hands each webhook the payloads of its kinds, in order.</summary>
    Task OfferAsync(IReadOnlyList<WebhookPayload> payloads);
}
