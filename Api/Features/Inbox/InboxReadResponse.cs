namespace Collaboration.Api.Features.Inbox;

/// <summary>What marking read answers: how many items are still unread.</summary>
public sealed record InboxReadResponse(long Unread);
