using System.Text.Json.Serialization;
using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// One exchange with its replies (oldest first, at most 500; <see cref="ReplyCount"/> counts all, and
/// GET /exchanges/{id}/replies pages through every one) and its adoptions (oldest first). A withdrawn exchange is
/// out of lists and search and still answers here, <see cref="Withdrawn"/> true, for the adoptions that point to it
/// (the field is left out while false, so that the answer, and its ETag, stay what they were before withdrawal existed).
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
    DateTimeOffset? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Withdrawn,
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
        new(e.Id, e.Kind, e.Title, e.Summary, e.Body, e.Themes, e.Author, e.AuthorCountry, e.ProjectId, e.Language, e.CreatedAt, e.UpdatedAt, e.Withdrawn,
            replies, replyCount, adoptions);
}
