namespace Collaboration.Grains.Inbox;

/// <summary>A page of a partner's inbox, newest first; <see cref="NextCursor"/> is the id to continue after, or null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.InboxPage")]
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, long Unread, long? NextCursor);
