namespace Collaboration.Grains.Webhooks;

/// <summary>How a finished delivery went, kept for the deliveries list (the most recent ones only).</summary>
public sealed record WebhookOutcome(long Id, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset LastAttemptAt, string? LastError);
