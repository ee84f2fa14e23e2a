namespace Collaboration.Grains.Agreements;

/// <summary>
/// An agreement as lists show it, stored as the payload of its index entry so that lists need no grain. The
/// text is left out: it can be 100,000 characters, and a list of them would be heavy; it is read per agreement.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementSummary")]
public sealed record AgreementSummary(
    string Id,
    string Title,
    IReadOnlyList<string> Areas,
    AgreementStatus Status,
    IReadOnlyList<AgreementParty> Parties,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AgreementSummary Of(Agreement agreement) => new(
        agreement.Id,
        agreement.Title,
        agreement.Areas,
        agreement.Status,
        agreement.Parties,
        agreement.CreatedAt,
        agreement.UpdatedAt);
}
