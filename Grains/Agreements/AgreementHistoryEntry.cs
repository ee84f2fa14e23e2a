namespace Collaboration.Grains.Agreements;

/// <summary>
/// One dated change in an agreement's history, numbered from 1 by the agreement's grain (the single writer of
/// its log). <see cref="Status"/> is the agreement's status after the change.
/// </summary>
public sealed record AgreementHistoryEntry(long Seq, DateTimeOffset At, string Type, string Actor, string Summary, AgreementStatus Status)
{
    public string? MunicipalityId { get; init; }

    public string? Signatory { get; init; }

    public string? Role { get; init; }

    public static AgreementHistoryEntry Of(long seq, DateTimeOffset at, AgreementEvent change) =>
        new(seq, at, change.Type, change.Actor, change.Summary, change.Status)
        {
            MunicipalityId = change.MunicipalityId,
            Signatory = change.Signatory,
            Role = change.Role,
        };
}
