namespace Collaboration.Grains.Webhooks;

/// <summary>A new webhook with its signing secret, which is shown this once.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.WebhookCreated")]
public sealed record WebhookCreated(WebhookRegistration Webhook, string Secret);
