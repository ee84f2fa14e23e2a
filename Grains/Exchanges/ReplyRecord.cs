namespace Collaboration.Grains.Exchanges;

/// <summary>A reply to an exchange, by the municipality that posted it.</summary>
public sealed record ReplyRecord(string Id, string ExchangeId, string Author, string Body, DateTimeOffset CreatedAt);
