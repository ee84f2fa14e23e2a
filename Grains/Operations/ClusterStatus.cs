namespace Collaboration.Grains.Operations;

/// <summary>
/// The silo that answered (<see cref="SiloName"/>, and <see cref="SiloAddress"/> as Orleans prints it: endpoint and
/// generation) and how many silos its membership view counts as active.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.ClusterStatus")]
public sealed record ClusterStatus(string SiloName, string SiloAddress, int ActiveSilos);
