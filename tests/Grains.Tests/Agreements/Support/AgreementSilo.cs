using Collaboration.Grains.Access;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Agreements.Support;

/// <summary>
/// A test's share of the grain cluster with a stepping clock that starts when the SHELTER agreement was drafted, the
/// SHELTER towns under this test's ids, and the switches that make storage fail (<see cref="Storage"/>).
/// </summary>
internal sealed class AgreementSilo : ClusterScope
{
    public AgreementSilo(GrainCluster cluster)
        : base(cluster, Shelter.Drafted) =>
        Towns = new ShelterTowns(Id);

    public ShelterTowns Towns { get; }

    /// <summary>The silo's storage with switches that make state writes or log appends fail.</summary>
    public FlakyStorage Storage => Cluster.Faults;

    /// <summary>Registers partners of the network, as the coordinator does.</summary>
    public async Task AddMunicipalitiesAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            var profile = new MunicipalityProfile(id, "SI", PartnerKind.Municipality, null, null, null, [], null);
            await Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
        }
    }
}

/// <summary>The towns of <see cref="Shelter"/> under the ids of one test.</summary>
internal sealed class ShelterTowns(Func<string, string> id)
{
    public string Canepina { get; } = id(Shelter.Canepina);

    public string Gallese { get; } = id(Shelter.Gallese);

    public string HercegNovi { get; } = id(Shelter.HercegNovi);

    public string NovoMesto { get; } = id(Shelter.NovoMesto);

    public string Kelme { get; } = id(Shelter.Kelme);

    public string Laragne { get; } = id(Shelter.Laragne);

    /// <summary>Took part in SHELTER but did not sign the agreement.</summary>
    public string Outsider { get; } = id(Shelter.Outsider);

    /// <summary>The six towns, as <see cref="Shelter.Towns"/>.</summary>
    public string[] All => [Canepina, Gallese, HercegNovi, NovoMesto, Kelme, Laragne];
}
