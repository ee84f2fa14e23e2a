namespace Collaboration.Api.Features.Webhooks;

/// <summary>The body of POST /webhooks: where to deliver, and which kinds of items (inbox kinds for a partner, activity types for the coordinator).</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Kinds);
