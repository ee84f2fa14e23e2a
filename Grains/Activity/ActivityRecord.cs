namespace Collaboration.Grains.Activity;

/// <summary>
/// An <see cref="ActivityEntry"/> as logged: numbered gaplessly from 1 and timestamped. <see cref="Partner"/> is null
/// in records written before it existed (their summaries began with that partner's id).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ActivityRecord")]
public sealed record ActivityRecord(long Seq, DateTimeOffset At, string Type, string Actor, string Subject, string Summary, string? Partner = null);
