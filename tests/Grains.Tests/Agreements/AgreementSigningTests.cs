using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementSigningTests
{
    [Fact]
    public void APartySignsForItselfWithTheSignatorysNameRoleAndTime()
    {
        var agreement = Shelter.Draft();
        var at = Shelter.Drafted.AddDays(2);

        var change = agreement.Sign(Actor.Municipality(Shelter.NovoMesto), new AgreementSignature(" Gregor Macedoni ", "Mayor"), at);

        var party = change.Agreement.FindParty(Shelter.NovoMesto)!;
        Assert.Equal(at, party.SignedAt);
        Assert.Equal("Gregor Macedoni", party.Signatory);
        Assert.Equal("Mayor", party.Role);
        Assert.Equal(AgreementStatus.Open, change.Agreement.Status);
        var signed = Assert.Single(change.Events);
        Assert.Equal(AgreementEventTypes.Signed, signed.Type);
        Assert.Equal(Shelter.NovoMesto, signed.MunicipalityId);
        Assert.Equal("Gregor Macedoni", signed.Signatory);
        Assert.Equal("Mayor", signed.Role);
    }

    [Fact]
    public void TheLastSignaturePutsTheAgreementInForce()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Canepina, Shelter.Gallese, Shelter.HercegNovi, Shelter.NovoMesto, Shelter.Kelme);
        Assert.Equal(AgreementStatus.Open, agreement.Status);

        var change = agreement.Sign(Actor.Municipality(Shelter.Laragne), Shelter.SignatureOf(Shelter.Laragne), Shelter.Drafted.AddDays(4));

        Assert.Equal(AgreementStatus.InForce, change.Agreement.Status);
        Assert.All(change.Agreement.Parties, p => Assert.True(p.HasSigned));
        Assert.Equal([AgreementEventTypes.Signed, AgreementEventTypes.InForce], change.Events.Select(e => e.Type));
        Assert.Equal([AgreementStatus.Open, AgreementStatus.InForce], change.Events.Select(e => e.Status));
    }

    [Fact]
    public void SigningTwiceIsAConflict()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Gallese);

        var error = Assert.Throws<ConflictException>(() =>
            agreement.Sign(Actor.Municipality(Shelter.Gallese), Shelter.SignatureOf(Shelter.Gallese), Shelter.Drafted.AddDays(1)));

        Assert.Contains("gallese already signed this agreement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningAgainOnceInForceIsAConflictToo()
    {
        var agreement = Shelter.InForce();

        Assert.Throws<ConflictException>(() =>
            agreement.Sign(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme), Shelter.Drafted.AddDays(9)));
    }

    [Fact]
    public void TheCoordinatorCannotSign()
    {
        var error = Assert.Throws<ForbiddenException>(() =>
            Shelter.Draft().Sign(Actor.Coordinator, new AgreementSignature("Network coordinator", "Coordinator"), Shelter.Drafted));

        Assert.Contains("each party signs for itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMunicipalityThatIsNotAPartyCannotSign()
    {
        var error = Assert.Throws<ForbiddenException>(() =>
            Shelter.Draft().Sign(Actor.Municipality(Shelter.Outsider), Shelter.SignatureOf(Shelter.Outsider), Shelter.Drafted));

        Assert.Contains("bohinj is not a party", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormerPartyCannotSign()
    {
        var agreement = Shelter.Draft().Withdraw(Actor.Municipality(Shelter.Kelme), Shelter.Kelme, Shelter.Drafted).Agreement;

        Assert.Throws<ForbiddenException>(() =>
            agreement.Sign(Actor.Municipality(Shelter.Kelme), Shelter.SignatureOf(Shelter.Kelme), Shelter.Drafted));
    }

    [Fact]
    public void SignaturesAreRefusedOnceTheAgreementIsTerminated()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese)
            .Withdraw(Actor.Municipality(Shelter.Gallese), Shelter.Gallese, Shelter.Drafted).Agreement;

        var error = Assert.Throws<ConflictException>(() =>
            agreement.Sign(Actor.Municipality(Shelter.Canepina), Shelter.SignatureOf(Shelter.Canepina), Shelter.Drafted));

        Assert.Equal(
            "Signatures are accepted only while the agreement is open, or from a party that acceded while it is inForce; it is terminated.",
            error.Message);
    }

    [Fact]
    public void ASignatureNeedsASignatoryAndARole()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Shelter.Draft().Sign(Actor.Municipality(Shelter.Kelme), new AgreementSignature("", " "), Shelter.Drafted));

        Assert.Equal(["role", "signatory"], error.Errors.Keys.Order());
    }

    [Fact]
    public void TheSixShelterTownsSigningPutTheirAgreementInForce()
    {
        var agreement = Shelter.Draft();

        foreach (var town in Shelter.Towns)
        {
            Assert.Equal(AgreementStatus.Open, agreement.Status);
            agreement = agreement.Sign(Actor.Municipality(town), Shelter.SignatureOf(town), Shelter.Drafted.AddDays(3)).Agreement;
        }

        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal(Shelter.Towns.Length + 1, agreement.Version);
    }
}
