namespace Collaboration.Grains.Inbox;

/// <summary>
/// One partner's inbox, keyed by the partner's id. Items are added by the attention router as the activity log
/// grows (agreements awaiting the partner's signature, replies to its exchanges, adoptions of its practices, events
/// of its projects, partners joining or leaving them); the partner reads them newest first and marks them read.
/// </summary>
public interface IInboxGrain : IGrainWithStringKey
{
    /// <summary>The most items one page holds.</summary>
    const int MaxPageSize = 100;

    /// <summary>Adds the notices in order; a notice whose source record this inbox already took is skipped.</summary>
    /// <returns>The id of the inbox's newest item.</returns>
    Task<long> DeliverAsync(IReadOnlyList<InboxNotice> notices);

    /// <summary>Items older than <paramref name="after"/> (all when null), newest first, at most <paramref name="limit"/>, with the unread count.</summary>
    [ReadOnly]
    Task<InboxPage> GetPageAsync(long? after, int limit);

    /// <summary>Marks every item up to <paramref name="upTo"/> read (a lower mark than the current one changes nothing).</summary>
    /// <returns>How many items are still unread.</returns>
    Task<long> MarkReadAsync(long upTo);

}
