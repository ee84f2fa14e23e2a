namespace Collaboration.Silo.Storage;

/// <summary>One record of an <see cref="IAppendLog"/>.</summary>
public sealed record LogRecord(long Sequence, DateTimeOffset At, string Payload);
