namespace Collaboration.Grains.Inbox;

/// <summary>
/// One thing that needs a partner's attention, as its inbox lists it. <see cref="Id"/> numbers the partner's items
/// gaplessly from 1 in the order they arrived; <see cref="Kind"/> is the activity type that caused it
/// (<c>exchange.replied</c>, <c>agreement.drafted</c>, ...).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.InboxItem")]
public sealed record InboxItem(long Id, DateTimeOffset At, string Kind, string Subject, string Summary, bool Read);
