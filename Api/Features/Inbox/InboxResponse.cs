using Collaboration.Grains.Inbox;

namespace Collaboration.Api.Features.Inbox;

/// <summary>A page of a partner's inbox, newest first; pass <see cref="NextCursor"/> as <c>after</c> for the next page.</summary>
public sealed record InboxResponse(IReadOnlyList<InboxItem> Items, long Unread, long? NextCursor)
{
    public static InboxResponse From(InboxPage page) => new(page.Items, page.Unread, page.NextCursor);
}
