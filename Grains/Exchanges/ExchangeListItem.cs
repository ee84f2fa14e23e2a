namespace Collaboration.Grains.Exchanges;

/// <summary>An exchange as lists show it: everything but the body. Stored as the index payload, so lists need no grain.</summary>
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
