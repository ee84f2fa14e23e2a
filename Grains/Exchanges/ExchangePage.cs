namespace Collaboration.Grains.Exchanges;

/// <summary>One page of a list; <see cref="NextCursor"/> continues after its last item and is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangePage`1")]
public sealed record ExchangePage<TItem>(IReadOnlyList<TItem> Items, string? NextCursor);
