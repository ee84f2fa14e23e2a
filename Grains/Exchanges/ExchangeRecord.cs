namespace Collaboration.Grains.Exchanges;

/// <summary>
/// One exchange as posted, and as edited since: <see cref="Revision"/> counts its changes, <see cref="UpdatedAt"/> is the
/// last one. A <see cref="Withdrawn"/> exchange is out of lists and search but still answers for the adoptions that
/// point to it. <see cref="AuthorCountry"/> is the author's country when it posted.
/// </summary>
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
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt = null,
    bool Withdrawn = false,
    int Revision = 0)
{
    public ExchangeListItem ToListItem() =>
        new(Id, Kind, Title, Summary, Themes, Author, AuthorCountry, ProjectId, Language, CreatedAt);
}
