namespace Collaboration.Grains.Inbox;

/// <summary>
/// What an inbox stores beside its items (which are records of an append log, not state): how far its partner has
/// read. Bounded whatever the number of items.
/// </summary>
public sealed class InboxState
{
    /// <summary>Items up to this id are read.</summary>
    public long ReadUpTo { get; set; }
}
