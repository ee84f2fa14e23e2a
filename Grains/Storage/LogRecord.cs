namespace Collaboration.Grains.Storage;

/// <summary>One record of an <see cref="IAppendLog"/>.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.LogRecord")]
public sealed record LogRecord(long Sequence, DateTimeOffset At, string Payload);
