namespace Collaboration.Grains.Inbox;

/// <summary>
/// What the attention router hands an inbox: an item to add, caused by the activity record <see cref="SourceSeq"/>.
/// An inbox takes each source record once, so a notice handed over again (after a crash) adds nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.InboxNotice")]
public sealed record InboxNotice(long SourceSeq, DateTimeOffset At, string Kind, string Subject, string Summary);
