using Collaboration.Grains.Webhooks;

namespace Collaboration.Api.Features.Webhooks;

/// <summary>A webhook; <see cref="Secret"/> only in the answer to its creation.</summary>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Kinds, string Owner, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WebhookResponse From(WebhookRegistration webhook, string? secret = null) =>
        new(webhook.Id, webhook.Url, webhook.Kinds, webhook.Owner, webhook.CreatedAt, secret);
}
