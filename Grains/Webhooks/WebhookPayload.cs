namespace Collaboration.Grains.Webhooks;

/// <summary>
/// Something to deliver: <see cref="Body"/> is the JSON sent as is; <see cref="SourceSeq"/> numbers it in its source
/// (a partner's inbox item id, or an activity record's sequence number), so a payload offered twice is queued once.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.WebhookPayload")]
public sealed record WebhookPayload(long SourceSeq, string Kind, string Body);
