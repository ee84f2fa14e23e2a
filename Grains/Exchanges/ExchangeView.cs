namespace Collaboration.Grains.Exchanges;

/// <summary>
/// An exchange with its discussion and its replications: replies oldest first (at most
/// <see cref="ExchangeLimits.MaxRepliesInView"/>, <see cref="ReplyCount"/> counts all), adoptions oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeView")]
public sealed record ExchangeView(
    ExchangeRecord Exchange,
    IReadOnlyList<ReplyRecord> Replies,
    long ReplyCount,
    IReadOnlyList<AdoptionRecord> Adoptions);
