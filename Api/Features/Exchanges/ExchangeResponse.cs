using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// One exchange with its replies (oldest first, at most 500; <see cref="ReplyCount"/> counts all, and
/// GET /exchanges/{id}/replies pages through every one) and its adoptions (oldest first).
/// </summary>
public sealed record ExchangeResponse(
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
    IReadOnlyList<ReplyResponse> Replies,
    long ReplyCount,
    IReadOnlyList<AdoptionResponse> Adoptions)
{
    public static ExchangeResponse From(ExchangeView view) => From(
        view.Exchange,
        view.Replies.Select(ReplyResponse.From).ToList(),
        view.ReplyCount,
        view.Adoptions.Select(AdoptionResponse.From).ToList());

    public static ExchangeResponse From(
        ExchangeRecord e, IReadOnlyList<ReplyResponse> replies, long replyCount, IReadOnlyList<AdoptionResponse> adoptions) =>
        new(e.Id, e.Kind, e.Title, e.Summary, e.Body, e.Themes, e.Author, e.AuthorCountry, e.ProjectId, e.Language, e.CreatedAt,
            replies, replyCount, adoptions);
}
