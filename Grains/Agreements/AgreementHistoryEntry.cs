namespace Collaboration.Grains.Agreements;

/// <summary>
/// One dated change in an agreement's history, numbered from 1 by the agreement's grain (the single writer of
/// its log). <see cref="Status"/> is the agreement's status after the change.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementHistoryEntry")]
public sealed record AgreementHistoryEntry(long Seq, DateTimeOffset At, string Type, string Actor, string Summary, AgreementStatus Status)
{
    [Id(100)]
    public string? MunicipalityId { get; init; }

    [Id(101)]
    public string? Signatory { get; init; }

    [Id(102)]
    public string? Role { get; init; }

    public static AgreementHistoryEntry Of(long seq, DateTimeOffset at, AgreementEvent change) =>
        new(seq, at, change.Type, change.Actor, change.Summary, change.Status)
        {
            MunicipalityId = change.MunicipalityId,
            Signatory = change.Signatory,
            Role = change.Role,
        };
}
