using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementAmendmentTests
{
    private static readonly AgreementContent WithYouth =
        Shelter.Content with { Areas = [.. Shelter.Areas, "youth exchanges"] };

    [Fact]
    public void AnAmendmentWhileOpenClearsTheSignaturesAlreadyGiven()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Canepina, Shelter.Gallese);

        var change = agreement.Amend(Actor.Municipality(Shelter.Kelme), WithYouth, Shelter.Drafted.AddDays(1));

        Assert.Equal(AgreementStatus.Open, change.Agreement.Status);
        Assert.Equal("youth exchanges", change.Agreement.Areas[^1]);
        Assert.All(change.Agreement.Parties, p => Assert.Null(p.SignedAt));
        Assert.All(change.Agreement.Parties, p => Assert.Null(p.Signatory));
        var amended = Assert.Single(change.Events);
        Assert.Equal(AgreementEventTypes.Amended, amended.Type);
        Assert.Equal(
            "kelme amended the areas; the signatures of canepina, gallese were cleared and must be given again.",
            amended.Summary);
    }

    [Fact]
    public void AfterAnAmendmentEveryPartyMustSignAgainToPutItInForce()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese).SignedBy(Shelter.Canepina)
            .Amend(Actor.Coordinator, Shelter.Content with { Text = "Article 1 (revised)." }, Shelter.Drafted).Agreement;

        agreement = agreement.SignedBy(Shelter.Gallese);
        Assert.Equal(AgreementStatus.Open, agreement.Status);

        agreement = agreement.SignedBy(Shelter.Canepina);
        Assert.Equal(AgreementStatus.InForce, agreement.Status);
        Assert.Equal("Article 1 (revised).", agreement.Text);
    }

    [Fact]
    public void TheCoordinatorMayAmendAnOpenAgreement()
    {
        var change = Shelter.Draft().Amend(Actor.Coordinator, Shelter.Content with { Title = "SHELTER network agreement" }, Shelter.Drafted);

        Assert.Equal("SHELTER network agreement", change.Agreement.Title);
        Assert.Equal("The coordinator amended the title.", Assert.Single(change.Events).Summary);
    }

    [Fact]
    public void AnAmendmentToTheSameContentChangesNothingAndKeepsTheSignatures()
    {
        var agreement = Shelter.Draft().SignedBy(Shelter.Canepina);

        var change = agreement.Amend(Actor.Municipality(Shelter.Gallese), Shelter.Content, Shelter.Drafted.AddDays(1));

        Assert.False(change.HasChanges);
        Assert.Same(agreement, change.Agreement);
    }

    [Fact]
    public void AnAgreementInForceCannotBeAmended()
    {
        var agreement = Shelter.InForce();

        var error = Assert.Throws<ConflictException>(() => agreement.Amend(Actor.Coordinator, WithYouth, Shelter.Drafted));

        Assert.Equal("Amendments are accepted only while the agreement is open (once in force, its text is fixed); it is inForce.", error.Message);
    }

    [Fact]
    public void ATerminatedAgreementCannotBeAmended()
    {
        var agreement = Shelter.Draft(Shelter.Canepina, Shelter.Gallese)
            .Withdraw(Actor.Municipality(Shelter.Canepina), Shelter.Canepina, Shelter.Drafted).Agreement;

        var error = Assert.Throws<ConflictException>(() => agreement.Amend(Actor.Coordinator, WithYouth, Shelter.Drafted));

        Assert.EndsWith("; it is terminated.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMunicipalityThatIsNotAPartyCannotAmend()
    {
        Assert.Throws<ForbiddenException>(() => Shelter.Draft().Amend(Actor.Municipality(Shelter.Outsider), WithYouth, Shelter.Drafted));
    }

    [Fact]
    public void AnAmendmentIsValidatedLikeADraft()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Shelter.Draft().Amend(Actor.Coordinator, Shelter.Content with { Text = "" }, Shelter.Drafted));

        Assert.Equal(["text"], error.Errors.Keys);
    }
}
