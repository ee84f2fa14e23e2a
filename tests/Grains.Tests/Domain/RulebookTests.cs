using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;

namespace Collaboration.Grains.Tests.Domain;

public sealed class RulebookTests
{
    private static readonly Rulebook Book = Rulebook.Default;

    [Fact]
    public void ShippedRulebookLoadsFiveRuleSets()
    {
        Assert.Equal(
            ["efc-network-of-towns", "efc-network-of-towns-2019-2020", "efc-town-twinning", "cerv-network-of-towns", "cerv-town-twinning"],
            Book.RuleSets.Select(s => s.Id));
        Assert.NotEmpty(Book.Notes);
    }

    [Theory]
    [InlineData(null, "efc-network-of-towns")]
    [InlineData(2014, "efc-network-of-towns")]
    [InlineData(2017, "efc-network-of-towns")]
    [InlineData(2018, "efc-network-of-towns")]
    [InlineData(2019, "efc-network-of-towns-2019-2020")]
    [InlineData(2020, "efc-network-of-towns-2019-2020")]
    [InlineData(2021, "efc-network-of-towns")]
    public void NetworkOfTownsRuleSetFollowsTheCallYear(int? call, string expected)
    {
        Assert.Equal(expected, Book.Select(Programme.EuropeForCitizens, Measure.NetworkOfTowns, call)?.Id);
    }

    [Fact]
    public void CallsOf2019And2020NeedTwoMemberStatesOthersOne()
    {
        static int? MinEu(int? call) => Book.Select(Programme.EuropeForCitizens, Measure.NetworkOfTowns, call)!
            .Rules.Single(r => r.Code == RuleCodes.MinEuMemberStates).Value;

        Assert.Equal(1, MinEu(2018));
        Assert.Equal(2, MinEu(2019));
        Assert.Equal(2, MinEu(2020));
    }

    [Fact]
    public void EuropeForCitizensNetworkOfTownsHasTheDesignsRules()
    {
        AssertRules(
            Book.Select(Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017),
            (RuleCodes.EligibleCountries, null), (RuleCodes.MinCountries, 4), (RuleCodes.MinEuMemberStates, 1),
            (RuleCodes.MaxDurationMonths, 24), (RuleCodes.MinEvents, 4), (RuleCodes.MaxEventDays, 21));
    }

    [Fact]
    public void EuropeForCitizensTownTwinningCountsInvitedParticipantsOverTheProject()
    {
        var set = Book.Select(Programme.EuropeForCitizens, Measure.TownTwinning, 2016);

        AssertRules(
            set,
            (RuleCodes.EligibleCountries, null), (RuleCodes.MinCountries, 2), (RuleCodes.MinEuMemberStates, 1),
            (RuleCodes.MaxEventDays, 21), (RuleCodes.MinInvitedParticipants, 25));
        Assert.Equal(RuleScope.Project, set!.Rules.Single(r => r.Code == RuleCodes.MinInvitedParticipants).Scope);
    }

    [Fact]
    public void CervNetworkOfTownsHasTheDesignsRules()
    {
        AssertRules(
            Book.Select(Programme.Cerv, Measure.NetworkOfTowns, 2025),
            (RuleCodes.EligibleCountries, null), (RuleCodes.MinPartners, 4), (RuleCodes.MinCountries, 4),
            (RuleCodes.MinEuMemberStates, 2), (RuleCodes.MinDurationMonths, 12), (RuleCodes.MaxDurationMonths, 24),
            (RuleCodes.MinActivityCountries, 2));
    }

    [Fact]
    public void CervTownTwinningJudgesEveryEvent()
    {
        var set = Book.Select(Programme.Cerv, Measure.TownTwinning, null);

        AssertRules(
            set,
            (RuleCodes.EligibleCountries, null), (RuleCodes.MinCountries, 2), (RuleCodes.MinEuMemberStates, 1),
            (RuleCodes.MinDurationMonths, 6), (RuleCodes.MaxDurationMonths, 12),
            (RuleCodes.MinParticipants, 50), (RuleCodes.MinInvitedParticipants, 25));
        Assert.All(set!.Rules.Where(r => r.Scope is not null), r => Assert.Equal(RuleScope.Event, r.Scope));
    }

    [Theory]
    [InlineData(Programme.Other, Measure.NetworkOfTowns)]
    [InlineData(Programme.Other, Measure.Other)]
    [InlineData(Programme.EuropeForCitizens, Measure.Other)]
    [InlineData(Programme.Cerv, Measure.Other)]
    public void OtherProgrammeOrMeasureHasNoRuleSet(Programme programme, Measure measure)
    {
        Assert.Null(Book.Select(programme, measure, 2020));
    }

    [Fact]
    public void UnknownRuleCodeIsRejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => Rulebook.Parse(OneSet("""{ "code": "min-town-size", "value": 3 }""")));
        Assert.Contains("unknown rule code 'min-town-size'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleWithoutValueIsRejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => Rulebook.Parse(OneSet("""{ "code": "min-countries" }""")));
        Assert.Contains("'min-countries' needs a positive value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopeOnARuleThatCountsNoParticipantsIsRejected()
    {
        Assert.Throws<InvalidDataException>(() => Rulebook.Parse(OneSet("""{ "code": "min-events", "value": 4, "scope": "event" }""")));
    }

    [Fact]
    public void OverlappingCallYearsAreRejected()
    {
        const string json = """
            {
              "ruleSets": [
                { "id": "a", "programme": "cerv", "measure": "townTwinning", "callFrom": 2021, "callTo": 2024, "title": "A", "rules": [] },
                { "id": "b", "programme": "cerv", "measure": "townTwinning", "callFrom": 2024, "title": "B", "rules": [] }
              ]
            }
            """;

        var e = Assert.Throws<InvalidDataException>(() => Rulebook.Parse(json));
        Assert.Contains("'a' and 'b' cover the same call years", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimumDurationAboveMaximumIsRejected()
    {
        Assert.Throws<InvalidDataException>(() => Rulebook.Parse(OneSet(
            """{ "code": "min-duration-months", "value": 13 }, { "code": "max-duration-months", "value": 12 }""")));
    }

    [Fact]
    public void WellFormedCustomRulebookLoads()
    {
        var book = Rulebook.Parse(OneSet("""{ "code": "eligible-countries" }, { "code": "min-countries", "value": 3 }"""));

        var set = Assert.Single(book.RuleSets);
        Assert.Same(set, book.Select(Programme.Cerv, Measure.TownTwinning, 2030));
    }

    private static string OneSet(string rules) => $$"""
        { "ruleSets": [ { "id": "x", "programme": "cerv", "measure": "townTwinning", "title": "X", "rules": [ {{rules}} ] } ] }
        """;

    private static void AssertRules(RuleSet? set, params (string Code, int? Value)[] expected)
    {
        Assert.NotNull(set);
        Assert.Equal(expected, set.Rules.Select(r => (r.Code, r.Value)));
    }
}
