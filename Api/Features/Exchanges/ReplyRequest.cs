namespace Collaboration.Api.Features.Exchanges;

/// <summary>The body of POST /exchanges/{id}/replies; the author is the calling municipality.</summary>
public sealed record ReplyRequest(string? Body);
