namespace Collaboration.Grains.Exchanges;

/// <summary>
/// A page of exchanges in lists, each item the JSON the index stores for it: an <see cref="ExchangeListItem"/> as
/// <see cref="Storage.GrainStateSerializer"/> writes it. A front end writes its answer from this text (escaping the
/// strings again if its encoder differs), with no parse into objects and no second serialization.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeJsonPage")]
public sealed record ExchangeJsonPage(IReadOnlyList<string> ItemsJson, string? NextCursor);
