using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>An agreement in GET /agreements: everything but the text (read one agreement for that).</summary>
public sealed record AgreementListItem(
    string Id,
    string Title,
    IReadOnlyList<string> Areas,
    AgreementStatus Status,
    IReadOnlyList<AgreementPartyResponse> Parties,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AgreementListItem From(AgreementSummary s) => new(
        s.Id, s.Title, s.Areas, s.Status, [.. s.Parties.Select(AgreementPartyResponse.From)], s.CreatedAt, s.UpdatedAt);
}
