namespace Collaboration.Grains.Exchanges;

/// <summary>One exchange as posted. <see cref="AuthorCountry"/> is the author's country when it posted.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.ExchangeRecord")]
public sealed record ExchangeRecord(
    string Id,
    ExchangeKind Kind,
    string Title,
    string Summary,
    string? Body,
    IReadOnlyList<string> Themes,
    string Author,
    string AuthorCountry,
    string? ProjectId,
    string? Language,
    DateTimeOffset CreatedAt)
{
    public ExchangeListItem ToListItem() =>
        new(Id, Kind, Title, Summary, Themes, Author, AuthorCountry, ProjectId, Language, CreatedAt);
}
