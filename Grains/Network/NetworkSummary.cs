namespace Collaboration.Grains.Network;

/// <summary>
/// The network's figures at <see cref="AsOf"/>. <see cref="Exchanges"/> counts exchanges by kind and
/// <see cref="Adoptions"/> adoptions by their current status; <see cref="LastActivitySeq"/> is the activity
/// the figures include.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.NetworkSummary")]
public sealed record NetworkSummary(
    DateTimeOffset AsOf,
    long Partners,
    int Countries,
    ProjectCounts Projects,
    EventCounts Events,
    long Participants,
    IReadOnlyDictionary<string, long> Exchanges,
    IReadOnlyDictionary<string, long> Adoptions,
    long AgreementsInForce,
    long LastActivitySeq);
