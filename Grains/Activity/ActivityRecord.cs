namespace Collaboration.Grains.Activity;

/// <summary>An <see cref="ActivityEntry"/> as logged: numbered gaplessly from 1 and timestamped.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ActivityRecord")]
public sealed record ActivityRecord(long Seq, DateTimeOffset At, string Type, string Actor, string Subject, string Summary);
