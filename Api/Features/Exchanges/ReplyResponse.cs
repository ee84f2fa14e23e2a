using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

public sealed record ReplyResponse(string Id, string ExchangeId, string Author, string Body, DateTimeOffset CreatedAt)
{
    public static ReplyResponse From(ReplyRecord r) => new(r.Id, r.ExchangeId, r.Author, r.Body, r.CreatedAt);
}
