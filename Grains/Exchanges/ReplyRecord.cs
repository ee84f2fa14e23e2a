namespace Collaboration.Grains.Exchanges;

/// <summary>A reply to an exchange, by the municipality that posted it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ReplyRecord")]
public sealed record ReplyRecord(string Id, string ExchangeId, string Author, string Body, DateTimeOffset CreatedAt);
