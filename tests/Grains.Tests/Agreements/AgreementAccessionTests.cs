using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementAccessionTests
{
    [Fact]
    public void TheCoordinatorMayAdmitANewPartyThatHasNotSignedYet()
    {
        var change = Shelter.Draft().Accede(Actor.Coordinator, Shelter.Outsider, Shelter.Drafted.AddDays(1));

        var newcomer = change.Agreement.Parties[^1];
        Assert.Equal(Shelter.Outsider, newcomer.MunicipalityId);
        Assert.False(newcomer.HasSigned);
        var joined = Assert.Single(change.Events);
        Assert.Equal(AgreementEventTypes.PartyJoined, joined.Type);
        Assert.Equal(Shelter.Outsider, joined.MunicipalityId);
    }

    [Fact]
    public void APartyThatSignedMayAdmitANewParty()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Gallese);

        var change = agreement.Accede(Actor.Municipality(Shelter.Gallese), Shelter.Outsider, Shelter.Drafted);

        Assert.NotNull(change.Agreement.FindParty(Shelter.Outsider));
    }

    [Fact]
    public void APartyThatHasNotSignedCannotAdmitANewParty()
    {
        var error = Assert.Throws<ForbiddenException>(() =>
            Shelter.Draft().Accede(Actor.Municipality(Shelter.Gallese), Shelter.Outsider, Shelter.Drafted));

        Assert.Contains("gallese has not signed this agreement yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMunicipalityThatIsNotAPartyCannotAdmitANewParty()
    {
        Assert.Throws<ForbiddenException>(() =>
            Shelter.InForce().Accede(Actor.Municipality(Shelter.Outsider), Shelter.Outsider, Shelter.Drafted));
    }

    [Fact]
    public void AnExistingPartyCannotAccedeAgain()
    {
        var error = Assert.Throws<ConflictException>(() => Shelter.Draft().Accede(Actor.Coordinator, Shelter.Kelme, Shelter.Drafted));

        Assert.Equal("kelme is already a party to this agreement.", error.Message);
    }

    [Fact]
    public void AccessionToAnOpenAgreementKeepsTheSignaturesGiven()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Canepina);

        var change = agreement.Accede(Actor.Municipality(Shelter.Canepina), Shelter.Outsider, Shelter.Drafted);

        Assert.True(change.Agreement.FindParty(Shelter.Canepina)!.HasSigned);
        Assert.Equal(AgreementStatus.Open, change.Agreement.Status);
    }

    [Fact]
    public void AnOpenAgreementWithANewcomerComesIntoForceOnlyOnceTheNewcomerSigns()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese)
            .Accede(Actor.Coordinator, Shelter.Outsider, Shelter.Drafted).Agreement
            .SignedBy(Shelter.Canepina, Shelter.Gallese);
        Assert.Equal(AgreementStatus.Open, agreement.Status);

        Assert.Equal(AgreementStatus.InForce, agreement.SignedBy(Shelter.Outsider).Status);
    }

    [Fact]
    public void AnAgreementInForceStaysInForceWhileTheNewcomerHasNotSigned()
    {
        var agreement = Shelter.InForce();

        var change = agreement.Accede(Actor.Municipality(Shelter.NovoMesto), Shelter.Outsider, Shelter.Drafted.AddDays(30));

        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        Assert.False(change.Agreement.FindParty(Shelter.Outsider)!.HasSigned);
        Assert.Equal([AgreementEventTypes.PartyJoined], change.Events.Select(e => e.Type));
    }

    [Fact]
    public void ANewcomerSignsTheAgreementInForceAndItStaysInForce()
    {
        var agreement = Shelter.InForce().Accede(Actor.Coordinator, Shelter.Outsider, Shelter.Drafted).Agreement;

        var change = agreement.Sign(Actor.Municipality(Shelter.Outsider), Shelter.SignatureOf(Shelter.Outsider), Shelter.Drafted.AddDays(31));

        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        Assert.True(change.Agreement.FindParty(Shelter.Outsider)!.HasSigned);
        var signed = Assert.Single(change.Events);
        Assert.Contains("acceding to the agreement in force", signed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormerPartyMayAccedeAgainAsAPartyThatHasNotSigned()
    {
        var agreement = Shelter.InForce().Withdraw(Actor.Municipality(Shelter.Kelme), Shelter.Kelme, Shelter.Drafted).Agreement;

        var change = agreement.Accede(Actor.Coordinator, Shelter.Kelme, Shelter.Drafted.AddDays(60));

        Assert.False(change.Agreement.FindParty(Shelter.Kelme)!.HasSigned);
    }

    [Fact]
    public void AccessionToATerminatedAgreementIsRefused()
    {
        var agreement = Shelter.InForce(Shelter.Canepina, Shelter.Gallese)
            .Withdraw(Actor.Municipality(Shelter.Gallese), Shelter.Gallese, Shelter.Drafted).Agreement;

        var error = Assert.Throws<ConflictException>(() => agreement.Accede(Actor.Coordinator, Shelter.Kelme, Shelter.Drafted));

        Assert.Equal("Accessions are accepted only while the agreement is open or inForce; it is terminated.", error.Message);
    }

    [Fact]
    public void AccessionBeyondTheMaximumNumberOfPartiesIsRefused()
    {
        var agreement = Shelter.Draft([Shelter.Canepina, .. Enumerable.Range(1, AgreementLimits.MaxParties - 1).Select(i => $"town-{i}")]);

        var error = Assert.Throws<ConflictException>(() => agreement.Accede(Actor.Coordinator, Shelter.Kelme, Shelter.Drafted));

        Assert.Contains("the most one agreement can have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheNewcomerMustBeNamedByAMunicipalityId()
    {
        var error = Assert.Throws<DomainValidationException>(() => Shelter.Draft().Accede(Actor.Coordinator, "Not A Slug", Shelter.Drafted));

        Assert.Equal(["municipalityId"], error.Errors.Keys);
    }
}
