namespace Collaboration.Grains.Exchanges;

/// <summary>
/// An exchange as lists show it: everything but the body. Stored as the index payload, so lists need no grain. A search
/// answers with the stored JSON itself (<see cref="ExchangeJsonPage"/>), never read back into this record: these fields
/// have not changed since the first payload was stored, and a change to them must rewrite the stored payloads.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeListItem")]
public sealed record ExchangeListItem(
    string Id,
    ExchangeKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    string Author,
    string AuthorCountry,
    string? ProjectId,
    string? Language,
    DateTimeOffset CreatedAt);
