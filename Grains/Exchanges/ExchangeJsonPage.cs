namespace Collaboration.Grains.Exchanges;

/// <summary>
/// A page of exchanges in lists, each item the JSON the index stores for it: an <see cref="ExchangeListItem"/> as
/// <see cref="Storage.GrainStateSerializer"/> writes it. A front end whose JSON is the same can write the items as they
/// are, with no parse and no second serialization.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeJsonPage")]
public sealed record ExchangeJsonPage(IReadOnlyList<string> ItemsJson, string? NextCursor);
