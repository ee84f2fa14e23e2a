using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>An exchange in lists: everything but the body.</summary>
public sealed record ExchangeListItemResponse(
    string Id,
    ExchangeKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<string> Themes,
    string Author,
    string AuthorCountry,
    string? ProjectId,
    string? Language,
    DateTimeOffset CreatedAt)
{
    public static ExchangeListItemResponse From(ExchangeListItem e) =>
        new(e.Id, e.Kind, e.Title, e.Summary, e.Themes, e.Author, e.AuthorCountry, e.ProjectId, e.Language, e.CreatedAt);
}
