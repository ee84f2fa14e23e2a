namespace Collaboration.Grains.Agreements;

/// <summary>
/// One thing that happened to an agreement in a transition (a transition may cause two: the last signature is
/// <c>signed</c> then <c>inForce</c>). <see cref="Status"/> is the agreement's status after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.AgreementEvent")]
public sealed record AgreementEvent(string Type, string Actor, string Summary, AgreementStatus Status)
{
    /// <summary>The party concerned (the signer, the newcomer, the party that withdrew), if any.</summary>
    [Id(100)]
    public string? MunicipalityId { get; init; }

    [Id(101)]
    public string? Signatory { get; init; }

    [Id(102)]
    public string? Role { get; init; }
}
