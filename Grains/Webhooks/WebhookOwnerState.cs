namespace Collaboration.Grains.Webhooks;

public sealed class WebhookOwnerState
{
    /// <summary>The owner's webhooks (with their kinds, to offer each only what it asked for); at most <see cref="IWebhookOwnerGrain.MaxWebhooks"/>.</summary>
    public List<WebhookRegistration> Webhooks { get; set; } = [];
}
