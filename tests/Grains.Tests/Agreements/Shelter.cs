using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;

namespace Collaboration.Grains.Tests.Agreements;

/// <summary>The SHELTER partnership agreement (README, "Loading the SHELTER network"): six towns and the areas they cooperate in.</summary>
internal static class Shelter
{
    public const string Canepina = "canepina";
    public const string Gallese = "gallese";
    public const string HercegNovi = "herceg-novi";
    public const string NovoMesto = "novo-mesto";
    public const string Kelme = "kelme";
    public const string Laragne = "laragne-monteglin";

    /// <summary>Took part in SHELTER but did not sign the agreement.</summary>
    public const string Outsider = "bohinj";

    public static readonly string[] Towns = [Canepina, Gallese, HercegNovi, NovoMesto, Kelme, Laragne];

    public static readonly string[] Areas =
    [
        "European citizenship", "democratic inclusion", "volunteering", "decision-making processes", "solidarity",
        "debates on the common future and shared values", "promotion of peace", "networking", "culture", "tourism",
        "sustainable development", "urban mobility",
    ];

    public static readonly DateTimeOffset Drafted = new(2017, 10, 12, 9, 0, 0, TimeSpan.Zero);

    public static AgreementContent Content { get; } = new(
        "SHELTER partnership agreement",
        Areas,
        "The partners agree to keep cooperating after the SHELTER project in the areas listed.");

    public static AgreementSignature SignatureOf(string town) => new($"Mayor of {town}", "Mayor");

    /// <summary>The agreement as drafted by Canepina, the lead, between <paramref name="parties"/> (the six towns by default).</summary>
    public static Agreement Draft(params string[] parties) =>
        Agreement.Draft("ag-shelter", Actor.Municipality(Canepina), Content, parties.Length == 0 ? Towns : parties, Drafted).Agreement;

    /// <summary>Every listed party signs, in order, an hour apart.</summary>
    public static Agreement SignedBy(this Agreement agreement, params string[] towns)
    {
        foreach (var town in towns)
        {
            agreement = agreement.Sign(Actor.Municipality(town), SignatureOf(town), agreement.UpdatedAt.AddHours(1)).Agreement;
        }

        return agreement;
    }

    public static Agreement InForce(params string[] parties)
    {
        var agreement = Draft(parties);
        return agreement.SignedBy([.. agreement.Parties.Select(p => p.MunicipalityId)]);
    }
}
