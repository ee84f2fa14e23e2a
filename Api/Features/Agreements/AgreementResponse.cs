using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>An agreement as GET /agreements/{id} answers it, with its text and its parties' signatures.</summary>
public sealed record AgreementResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Areas,
    string Text,
    AgreementStatus Status,
    IReadOnlyList<AgreementPartyResponse> Parties,
    string DraftedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AgreementResponse From(Agreement a) => new(
        a.Id, a.Title, a.Areas, a.Text, a.Status, [.. a.Parties.Select(AgreementPartyResponse.From)], a.DraftedBy, a.CreatedAt, a.UpdatedAt);
}
