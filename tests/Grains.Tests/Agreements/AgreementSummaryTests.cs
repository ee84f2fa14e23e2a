using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;

namespace Collaboration.Grains.Tests.Agreements;

/// <summary>The summaries of an agreement's history name partners by the names the lookup gives, never by their ids.</summary>
public sealed class AgreementSummaryTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Shelter.Canepina] = "Canepina",
        [Shelter.Gallese] = "Gallese",
        [Shelter.HercegNovi] = "Herceg Novi",
        [Shelter.NovoMesto] = "Novo mesto",
        [Shelter.Kelme] = "Kelmė",
        [Shelter.Laragne] = "Laragne-Montéglin",
    };

    private static string NameOf(string id) => Names.TryGetValue(id, out var name) ? name : id;

    [Fact]
    public void ADraftNamesTheDrafterAndEveryPartyByName()
    {
        var change = Agreement.Draft(
            "ag-shelter", Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns, Shelter.Drafted, NameOf);

        Assert.Equal(
            "Canepina drafted \"SHELTER partnership agreement\" between Canepina, Gallese, Herceg Novi, Novo mesto, Kelmė, Laragne-Montéglin.",
            Assert.Single(change.Events).Summary);
    }

    [Fact]
    public void TheLastSignatureNamesTheSignerAndThePartiesTheAgreementBinds()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.NovoMesto).SignedBy(Shelter.Canepina);

        var change = agreement.Sign(Actor.Municipality(Shelter.NovoMesto), Shelter.SignatureOf("Novo mesto"), Shelter.Drafted.AddDays(1), NameOf);

        Assert.Equal(
            [
                "Mayor of Novo mesto (Mayor) signed for Novo mesto.",
                "Every party has signed: the agreement is in force between Canepina, Novo mesto.",
            ],
            change.Events.Select(e => e.Summary));
        Assert.Equal(Shelter.NovoMesto, change.Events[0].MunicipalityId);
    }

    [Fact]
    public void AnAmendmentNamesTheSignaturesItClearedByName()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Canepina, Shelter.Kelme);

        var change = agreement.Amend(Actor.Municipality(Shelter.Laragne), Shelter.Content with { Text = "Article 1 (revised)." }, Shelter.Drafted, NameOf);

        Assert.Equal(
            "Laragne-Montéglin amended the text; the signatures of Canepina, Kelmė were cleared and must be given again.",
            Assert.Single(change.Events).Summary);
    }

    [Fact]
    public void AnAccessionNamesTheNewcomerAndWhoAdmittedIt()
    {
        var byCoordinator = Shelter.Draft().Accede(Actor.Coordinator, Shelter.Outsider, Shelter.Drafted, NameOf);
        var byParty = Shelter.Draft().SignedBy(Shelter.Gallese).Accede(Actor.Municipality(Shelter.Gallese), Shelter.Outsider, Shelter.Drafted, NameOf);

        // Bohinj is not in the lookup: an id the lookup does not know stays the id.
        Assert.Equal("bohinj acceded, admitted by the coordinator; it is a party that has not signed yet.", Assert.Single(byCoordinator.Events).Summary);
        Assert.Equal("bohinj acceded, admitted by Gallese; it is a party that has not signed yet.", Assert.Single(byParty.Events).Summary);
    }

    [Fact]
    public void AWithdrawalThatTerminatesNamesThePartyThatLeft()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Kelme);

        var change = agreement.Withdraw(Actor.Municipality(Shelter.Kelme), Shelter.Kelme, Shelter.Drafted, NameOf);

        Assert.Equal(
            ["Kelmė withdrew from the agreement; 1 party remains.", "Fewer than 2 parties remain: the agreement is terminated."],
            change.Events.Select(e => e.Summary));
    }

    [Fact]
    public void WithoutALookupPartnersAreNamedByTheirIds()
    {
        var change = Agreement.Draft("ag-shelter", Actor.Coordinator, Shelter.Content, [Shelter.Gallese, Shelter.Kelme], Shelter.Drafted);

        Assert.Equal("The coordinator drafted \"SHELTER partnership agreement\" between gallese, kelme.", Assert.Single(change.Events).Summary);
    }
}
