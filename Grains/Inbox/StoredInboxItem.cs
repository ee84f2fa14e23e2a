namespace Collaboration.Grains.Inbox;

/// <summary>An inbox item as its partner's append log keeps it: the item and the activity record that caused it.</summary>
internal sealed record StoredInboxItem(long Id, DateTimeOffset At, string Kind, string Subject, string Summary, long SourceSeq)
{
    public InboxItem ToItem(long readUpTo) => new(Id, At, Kind, Subject, Summary, Id <= readUpTo);
}
