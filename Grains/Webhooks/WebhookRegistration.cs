namespace Collaboration.Grains.Webhooks;

/// <summary>A webhook as its owner sees it (never with its secret). <see cref="Owner"/> is a partner's id or "coordinator".</summary>
[GenerateSerializer, Immutable, Alias("collaboration.WebhookRegistration")]
public sealed record WebhookRegistration(string Id, string Owner, string Url, IReadOnlyList<string> Kinds, DateTimeOffset CreatedAt);
