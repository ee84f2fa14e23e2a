using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementWithdrawalTests
{
    [Fact]
    public void APartyWithdrawsItselfAndIsNoLongerAParty()
    {
        var change = Shelter.InForce().Withdraw(Actor.Municipality(Shelter.Kelme), Shelter.Kelme, Shelter.Drafted.AddDays(90));

        Assert.Null(change.Agreement.FindParty(Shelter.Kelme));
        Assert.Equal(5, change.Agreement.Parties.Count);
        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        var withdrew = Assert.Single(change.Events);
        Assert.Equal(AgreementEventTypes.PartyWithdrew, withdrew.Type);
        Assert.Equal(Shelter.Kelme, withdrew.MunicipalityId);
    }

    [Fact]
    public void APartyCannotWithdrawAnotherParty()
    {
        var error = Assert.Throws<ForbiddenException>(() =>
            Shelter.InForce().Withdraw(Actor.Municipality(Shelter.Canepina), Shelter.Kelme, Shelter.Drafted));

        Assert.Contains("canepina cannot withdraw kelme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCoordinatorCannotWithdrawAParty()
    {
        Assert.Throws<ForbiddenException>(() => Shelter.InForce().Withdraw(Actor.Coordinator, Shelter.Kelme, Shelter.Drafted));
    }

    [Fact]
    public void AMunicipalityThatIsNotAPartyHasNothingToWithdrawFrom()
    {
        var error = Assert.Throws<ResourceNotFoundException>(() =>
            Shelter.InForce().Withdraw(Actor.Municipality(Shelter.Outsider), Shelter.Outsider, Shelter.Drafted));

        Assert.Equal("There is no party of agreement 'ag-shelter' 'bohinj'.", error.Message);
    }

    [Fact]
    public void AWithdrawalLeavingFewerThanTwoPartiesTerminatesTheAgreement()
    {
        var agreement = Shelter.InForce(Shelter.Canepina, Shelter.Gallese);

        var change = agreement.Withdraw(Actor.Municipality(Shelter.Gallese), Shelter.Gallese, Shelter.Drafted.AddDays(90));

        Assert.Equal(AgreementStatus.Terminated, change.Agreement.Status);
        Assert.Equal([Shelter.Canepina], change.Agreement.Parties.Select(p => p.MunicipalityId));
        Assert.Equal([AgreementEventTypes.PartyWithdrew, AgreementEventTypes.Terminated], change.Events.Select(e => e.Type));
        Assert.Equal([AgreementStatus.InForce, AgreementStatus.Terminated], change.Events.Select(e => e.Status));
    }

    [Fact]
    public void AnOpenAgreementLeftWithOnePartyIsTerminatedToo()
    {
        var change = Shelter.Draft(Shelter.Canepina, Shelter.Gallese)
            .Withdraw(Actor.Municipality(Shelter.Canepina), Shelter.Canepina, Shelter.Drafted);

        Assert.Equal(AgreementStatus.Terminated, change.Agreement.Status);
    }

    [Fact]
    public void WhenTheLastPartyThatHadNotSignedWithdrawsTheAgreementComesIntoForce()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese, Shelter.Kelme).SignedBy(Shelter.Canepina, Shelter.Gallese);

        var change = agreement.Withdraw(Actor.Municipality(Shelter.Kelme), Shelter.Kelme, Shelter.Drafted);

        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        Assert.Equal([AgreementEventTypes.PartyWithdrew, AgreementEventTypes.InForce], change.Events.Select(e => e.Type));
    }

    [Fact]
    public void WithdrawalFromATerminatedAgreementIsRefused()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese)
            .Withdraw(Actor.Municipality(Shelter.Gallese), Shelter.Gallese, Shelter.Drafted).Agreement;

        var error = Assert.Throws<ConflictException>(() =>
            agreement.Withdraw(Actor.Municipality(Shelter.Canepina), Shelter.Canepina, Shelter.Drafted));

        Assert.Equal("Withdrawals are accepted only while the agreement is open or inForce; it is terminated.", error.Message);
    }

    [Fact]
    public void ANewcomerWithdrawingBeforeSigningLeavesTheAgreementInForce()
    {
        var agreement = Shelter.InForce().Accede(Actor.Coordinator, Shelter.Outsider, Shelter.Drafted).Agreement;

        var change = agreement.Withdraw(Actor.Municipality(Shelter.Outsider), Shelter.Outsider, Shelter.Drafted);

        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        Assert.Equal([AgreementEventTypes.PartyWithdrew], change.Events.Select(e => e.Type));
    }
}
