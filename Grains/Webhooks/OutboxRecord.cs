namespace Collaboration.Grains.Webhooks;

/// <summary>A queued delivery as the webhook's outbox (an append log) keeps it.</summary>
internal sealed record OutboxRecord(long Id, long SourceSeq, string Kind, string Body, DateTimeOffset At);
