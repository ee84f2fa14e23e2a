namespace Collaboration.Api.Features.Inbox;

/// <summary>The body of POST /municipalities/{id}/inbox/read: every item up to this id is read.</summary>
public sealed record InboxReadRequest(long? UpTo);
