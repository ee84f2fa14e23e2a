using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;

namespace Collaboration.Grains.Tests.Agreements;

public sealed class AgreementDraftingTests
{
    [Fact]
    public void ADraftedAgreementIsOpenWithEveryPartyUnsigned()
    {
        var change = Agreement.Draft("ag-1", Actor.Municipality(Shelter.Canepina), Shelter.Content, Shelter.Towns, Shelter.Drafted);

        var agreement = change.Agreement;
        Assert.Equal(AgreementStatus.Open, agreement.Status);
        Assert.Equal(Shelter.Towns, agreement.Parties.Select(p => p.MunicipalityId));
        Assert.All(agreement.Parties, p => Assert.False(p.HasSigned));
        Assert.Equal(Shelter.Areas, agreement.Areas);
        Assert.Equal(Shelter.Canepina, agreement.DraftedBy);
        Assert.Equal(Shelter.Drafted, agreement.CreatedAt);
        Assert.Equal(1, agreement.Version);
        var drafted = Assert.Single(change.Events);
        Assert.Equal(AgreementEventTypes.Drafted, drafted.Type);
        Assert.Equal(Shelter.Canepina, drafted.Actor);
    }

    [Fact]
    public void TheCoordinatorMayDraftAnAgreementBetweenAnyParties()
    {
        var change = Agreement.Draft("ag-1", Actor.Coordinator, Shelter.Content, [Shelter.Kelme, Shelter.NovoMesto], Shelter.Drafted);

        Assert.Equal("coordinator", change.Agreement.DraftedBy);
        Assert.Equal(AgreementStatus.Open, change.Agreement.Status);
    }

    [Fact]
    public void AMunicipalityThatIsNotAPartyCannotDraftTheAgreement()
    {
        var error = Assert.Throws<ForbiddenException>(() =>
            Agreement.Draft("ag-1", Actor.Municipality(Shelter.Outsider), Shelter.Content, Shelter.Towns, Shelter.Drafted));

        Assert.Contains("bohinj is not among the parties", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("canepina")]
    [InlineData("canepina,canepina")]
    public void ADraftNeedsAtLeastTwoDistinctParties(string parties)
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, Shelter.Content, parties.Split(',', StringSplitOptions.RemoveEmptyEntries), Shelter.Drafted));

        Assert.Contains("parties", error.Errors.Keys);
    }

    [Theory]
    [InlineData("Canepina")]
    [InlineData("herceg novi")]
    [InlineData("-kelme")]
    [InlineData("kelme\n")]
    public void APartyIdThatIsNotASlugIsInvalid(string party)
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, Shelter.Content, [Shelter.Canepina, party], Shelter.Drafted));

        Assert.Contains("is not a partner id", Assert.Single(error.Errors["parties"]), StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTheMaximumNumberOfPartiesIsRefused()
    {
        var parties = Enumerable.Range(1, AgreementLimits.MaxParties + 1).Select(i => $"town-{i}").ToArray();

        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, Shelter.Content, parties, Shelter.Drafted));

        Assert.Contains($"at most {AgreementLimits.MaxParties} parties", Assert.Single(error.Errors["parties"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftWithoutTitleAreasOrTextReportsEveryField()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, new AgreementContent(" ", [], ""), Shelter.Towns, Shelter.Drafted));

        Assert.Equal(["areas", "text", "title"], error.Errors.Keys.Order());
    }

    [Fact]
    public void ADraftFromAClientThatLeftFieldsOutIsInvalidNotACrash()
    {
        // JSON binding leaves missing members null whatever their declared nullability.
        var content = new AgreementContent(null!, null!, null!);

        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, content, null!, Shelter.Drafted));

        Assert.Equal(["areas", "parties", "text", "title"], error.Errors.Keys.Order());
    }

    [Fact]
    public void ATextLongerThanTheLimitIsRefused()
    {
        var content = Shelter.Content with { Text = new string('x', AgreementLimits.MaxTextLength + 1) };

        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, content, Shelter.Towns, Shelter.Drafted));

        Assert.Contains("at most 100000 characters", Assert.Single(error.Errors["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ATextOfExactlyTheLimitIsAccepted()
    {
        var content = Shelter.Content with { Text = new string('x', AgreementLimits.MaxTextLength) };

        var change = Agreement.Draft("ag-1", Actor.Coordinator, content, Shelter.Towns, Shelter.Drafted);

        Assert.Equal(AgreementLimits.MaxTextLength, change.Agreement.Text.Length);
    }

    [Fact]
    public void AnAreaListedTwiceIsRefused()
    {
        var content = Shelter.Content with { Areas = ["culture", "tourism", "Culture "] };

        var error = Assert.Throws<DomainValidationException>(() =>
            Agreement.Draft("ag-1", Actor.Coordinator, content, Shelter.Towns, Shelter.Drafted));

        Assert.Equal(["The area 'Culture' is listed twice."], error.Errors["areas"]);
    }

    [Fact]
    public void TitleAndAreasAreTrimmedButTheTextIsKeptAsWritten()
    {
        var content = new AgreementContent("  SHELTER  ", [" culture ", "tourism"], "  Article 1.\n");

        var agreement = Agreement.Draft("ag-1", Actor.Coordinator, content, Shelter.Towns, Shelter.Drafted).Agreement;

        Assert.Equal("SHELTER", agreement.Title);
        Assert.Equal(["culture", "tourism"], agreement.Areas);
        Assert.Equal("  Article 1.\n", agreement.Text);
    }

    [Fact]
    public void StatusesHaveTheirWireNames()
    {
        Assert.Equal("open", AgreementStatus.Open.ToWire());
        Assert.Equal("inForce", AgreementStatus.InForce.ToWire());
        Assert.Equal("terminated", AgreementStatus.Terminated.ToWire());
    }
}
