using Collaboration.Grains.Agreements;

namespace Collaboration.Api.Features.Agreements;

/// <summary>
/// One dated change in GET /agreements/{id}/history. <c>type</c>: drafted, signed, inForce, amended,
/// partyJoined, partyWithdrew, terminated; <c>status</c> is the agreement's status after the change.
/// </summary>
public sealed record AgreementHistoryEntryResponse(
    long Seq,
    DateTimeOffset At,
    string Type,
    string Actor,
    string Summary,
    AgreementStatus Status,
    string? MunicipalityId,
    string? Signatory,
    string? Role)
{
    public static AgreementHistoryEntryResponse From(AgreementHistoryEntry e) =>
        new(e.Seq, e.At, e.Type, e.Actor, e.Summary, e.Status, e.MunicipalityId, e.Signatory, e.Role);
}
