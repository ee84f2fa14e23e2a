namespace Collaboration.Grains.Exchanges;

/// <summary>
/// The filters of <c>GET /exchanges</c> as the client sent them (validated by <see cref="ExchangeCatalog"/>):
/// each given filter must match; <see cref="Q"/> is a search (<see cref="Indexing.SearchQuery"/>: words, phrases, OR,
/// -word, prefix*) over title, summary and body.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeFilter")]
public sealed record ExchangeFilter(
    string? Theme = null,
    string? Country = null,
    string? Author = null,
    string? ProjectId = null,
    string? Kind = null,
    string? Q = null);
