using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using static Collaboration.Grains.Tests.Domain.ProjectBuilder;

namespace Collaboration.Grains.Tests.Domain;

/// <summary>Europe for Citizens, Networks of Towns, with the two networks the README describes.</summary>
public sealed class NetworkOfTownsEligibilityTests
{
    private static readonly EligibilityEvaluator Evaluator = EligibilityEvaluator.Default;

    // SHELTER: the six signatories of its agreement plus three partners of our own (Labin, Trebinje, Kičevo),
    // so nine municipalities from eight countries; dates and numbers are illustrative.
    private static readonly EligibilityPartner[] ShelterPartners =
    [
        Partner("canepina", "IT"),
        Partner("gallese", "IT"),
        Partner("herceg-novi", "ME"),
        Partner("novo-mesto", "SI"),
        Partner("kelme", "LT"),
        Partner("laragne-monteglin", "FR"),
        Partner("labin", "HR"),
        Partner("trebinje", "BA"),
        Partner("kicevo", "MK"),
    ];

    private static readonly EligibilityEvent[] ShelterEvents =
    [
        Event("local-novo-mesto", Day(2017, 4, 20), 2, "SI", Local("novo-mesto", "SI", 60), Invited("canepina", "IT", 4)),
        Event("local-herceg-novi", Day(2017, 6, 8), 3, "ME", Local("herceg-novi", "ME", 45), Invited("kelme", "LT", 5)),
        Event("local-kelme", Day(2017, 9, 14), 2, "LT", Local("kelme", "LT", 50), Invited("gallese", "IT", 3)),
        Event(
            "conference-canepina",
            Day(2017, 10, 12),
            5,
            "IT",
            Local("canepina", "IT", 120),
            Invited("gallese", "IT", 15),
            Invited("novo-mesto", "SI", 12),
            Invited("herceg-novi", "ME", 10),
            Invited("kelme", "LT", 8),
            Invited("laragne-monteglin", "FR", 8)),
    ];

    // ACCESS: Strand 2 Networks of Towns, 1 January 2017 to 31 December 2018, six countries, among them a
    // Slovenian regional development agency; the other partners are illustrative.
    private static readonly EligibilityPartner[] AccessPartners =
    [
        Partner("regional-agency-si", "SI"),
        Partner("municipality-it", "IT"),
        Partner("municipality-hr", "HR"),
        Partner("municipality-hu", "HU"),
        Partner("municipality-rs", "RS"),
        Partner("municipality-ba", "BA"),
    ];

    private static readonly EligibilityEvent[] AccessEvents =
    [
        Event("workshop-si", Day(2017, 3, 6), 2, "SI"),
        Event("study-visit-it", Day(2017, 9, 18), 4, "IT"),
        Event("conference-hr", Day(2018, 3, 12), 3, "HR"),
        Event("workshop-rs", Day(2018, 6, 4), 2, "RS"),
        Event("final-conference-si", Day(2018, 11, 26), 2, "SI"),
    ];

    [Fact]
    public void ShelterNetworkOfNineMunicipalitiesFromEightCountriesIsEligible()
    {
        var result = Evaluator.Evaluate(Shelter());

        Assert.True(result.Eligible, string.Join("\n", result.Rules.Select(r => $"{r.Code}: {r.Detail}")));
        Assert.Equal("efc-network-of-towns", result.RuleSetId);
        Assert.All(result.Rules, r => Assert.True(r.Satisfied, r.Code));
    }

    [Fact]
    public void ShelterReportsItsEightCountriesInPartnershipOrder()
    {
        var result = Evaluator.Evaluate(Shelter());

        Assert.Equal(
            "8 eligible countries (IT, ME, SI, LT, FR, HR, BA, MK); at least 4 required",
            result.Rule(RuleCodes.MinCountries).Detail);
        Assert.Equal(
            "5 EU member states on 2017-02-01 (IT, SI, LT, FR, HR); at least 1 required",
            result.Rule(RuleCodes.MinEuMemberStates).Detail);
    }

    [Fact]
    public void ShelterReportsOnlyTheNetworkOfTownsRules()
    {
        var result = Evaluator.Evaluate(Shelter());

        Assert.Equal(
            [RuleCodes.EligibleCountries, RuleCodes.MinCountries, RuleCodes.MinEuMemberStates, RuleCodes.MaxDurationMonths, RuleCodes.MinEvents, RuleCodes.MaxEventDays],
            result.Rules.Select(r => r.Code));
    }

    [Fact]
    public void ShelterConferenceOfFiveDaysIsTheLongestEvent()
    {
        var outcome = Evaluator.Evaluate(Shelter()).Rule(RuleCodes.MaxEventDays);

        Assert.True(outcome.Satisfied);
        Assert.Equal("every event lasts at most 21 days (longest: conference-canepina, 5 days)", outcome.Detail);
    }

    [Fact]
    public void ShelterWithoutEventsYetFailsEveryEventRule()
    {
        var result = Evaluator.Evaluate(Shelter() with { Events = [] });

        Assert.False(result.Eligible);
        Assert.False(result.Rule(RuleCodes.MinEvents).Satisfied);
        Assert.False(result.Rule(RuleCodes.MaxEventDays).Satisfied);
        Assert.StartsWith("no events recorded yet", result.Rule(RuleCodes.MinEvents).Detail, StringComparison.Ordinal);
        Assert.StartsWith("no events recorded yet", result.Rule(RuleCodes.MaxEventDays).Detail, StringComparison.Ordinal);
        Assert.True(result.Rule(RuleCodes.MinCountries).Satisfied);
    }

    [Fact]
    public void ShelterWithThreeEventsFailsMinEvents()
    {
        var result = Evaluator.Evaluate(Shelter() with { Events = ShelterEvents[..3] });

        var outcome = result.Rule(RuleCodes.MinEvents);
        Assert.False(outcome.Satisfied);
        Assert.Equal("3 events; at least 4 required", outcome.Detail);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void AccessOfTwentyFourMonthsMeetsMaxDuration()
    {
        var result = Evaluator.Evaluate(Access());

        Assert.True(result.Eligible);
        var outcome = result.Rule(RuleCodes.MaxDurationMonths);
        Assert.True(outcome.Satisfied);
        Assert.Equal("24 months (2017-01-01 to 2018-12-31); at most 24 months allowed", outcome.Detail);
    }

    [Fact]
    public void AccessExtendedByOneDayExceedsMaxDuration()
    {
        var result = Evaluator.Evaluate(Access() with { EndDate = Day(2019, 1, 1) });

        var outcome = result.Rule(RuleCodes.MaxDurationMonths);
        Assert.False(outcome.Satisfied);
        Assert.Equal("24 months and 1 day (2017-01-01 to 2019-01-01); at most 24 months allowed", outcome.Detail);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void AccessCountsTheSlovenianRegionalAgencyAsAPartnerFromSlovenia()
    {
        var outcome = Evaluator.Evaluate(Access()).Rule(RuleCodes.MinCountries);

        Assert.True(outcome.Satisfied);
        Assert.Equal("6 eligible countries (SI, IT, HR, HU, RS, BA); at least 4 required", outcome.Detail);
    }

    [Fact]
    public void NetworkOfTownsWithThreeCountriesFailsMinCountries()
    {
        var result = Evaluator.Evaluate(Network(2017, "IT", "SI", "LT"));

        var outcome = result.Rule(RuleCodes.MinCountries);
        Assert.False(outcome.Satisfied);
        Assert.Equal("3 eligible countries (IT, SI, LT); at least 4 required", outcome.Detail);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void NetworkOfTownsWithFourCountriesMeetsMinCountries()
    {
        var result = Evaluator.Evaluate(Network(2017, "IT", "ME", "SI", "LT"));

        Assert.True(result.Rule(RuleCodes.MinCountries).Satisfied);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void TwoTownsOfOneCountryCountAsOneCountry()
    {
        var input = Network(2017) with { Partners = [Partner("canepina", "IT"), Partner("gallese", "IT"), Partner("novo-mesto", "SI"), Partner("kelme", "LT")] };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinCountries);

        Assert.False(outcome.Satisfied);
        Assert.StartsWith("3 eligible countries (IT, SI, LT)", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SwissPartnerFailsEligibleCountriesAndIsNotCounted()
    {
        var input = Network(2017) with { Partners = [.. PartnersFrom("IT", "SI", "LT"), Partner("zurich", "CH")] };

        var result = Evaluator.Evaluate(input);

        var eligible = result.Rule(RuleCodes.EligibleCountries);
        Assert.False(eligible.Satisfied);
        Assert.Equal("not eligible for Europe for Citizens on 2017-01-01: zurich (CH, Switzerland)", eligible.Detail);
        var countries = result.Rule(RuleCodes.MinCountries);
        Assert.False(countries.Satisfied);
        Assert.Equal("3 eligible countries (IT, SI, LT); not counted, as not eligible: CH; at least 4 required", countries.Detail);
    }

    [Fact]
    public void UnknownCountryCodeIsNamedAsUnknownAndIneligible()
    {
        var input = Network(2017) with { Partners = [.. PartnersFrom("IT", "SI", "LT", "FR"), Partner("atlantis", "zz")] };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.EligibleCountries);

        Assert.False(outcome.Satisfied);
        Assert.Equal("not eligible for Europe for Citizens on 2017-01-01: atlantis (ZZ, unknown country)", outcome.Detail);
    }

    [Fact]
    public void WesternBalkansPartnersAloneFailMinEuMemberStates()
    {
        var result = Evaluator.Evaluate(Network(2017, "AL", "BA", "MK", "ME", "RS", "XK"));

        Assert.True(result.Rule(RuleCodes.EligibleCountries).Satisfied);
        Assert.True(result.Rule(RuleCodes.MinCountries).Satisfied);
        var outcome = result.Rule(RuleCodes.MinEuMemberStates);
        Assert.False(outcome.Satisfied);
        Assert.Equal("0 EU member states on 2017-01-01; at least 1 required", outcome.Detail);
    }

    [Fact]
    public void OneMemberStateSufficesUnderThe2018CallButNotUnderThe2019Call()
    {
        var under2018 = Evaluator.Evaluate(Network(2018, "IT", "AL", "RS", "ME"));
        var under2019 = Evaluator.Evaluate(Network(2019, "IT", "AL", "RS", "ME"));

        Assert.True(under2018.Rule(RuleCodes.MinEuMemberStates).Satisfied);
        Assert.Equal("efc-network-of-towns-2019-2020", under2019.RuleSetId);
        var outcome = under2019.Rule(RuleCodes.MinEuMemberStates);
        Assert.False(outcome.Satisfied);
        Assert.Equal("1 EU member state on 2017-01-01 (IT); at least 2 required", outcome.Detail);
    }

    [Fact]
    public void TwoMemberStatesMeetThe2020Call()
    {
        Assert.True(Evaluator.Evaluate(Network(2020, "IT", "SI", "RS", "ME")).Rule(RuleCodes.MinEuMemberStates).Satisfied);
    }

    [Fact]
    public void BritishPartnerCountsAsMemberStateForAProjectStartingOn31January2020()
    {
        var input = Network(2019, "GB", "IT", "RS", "ME") with { StartDate = Day(2020, 1, 31), EndDate = Day(2021, 12, 31) };

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Rule(RuleCodes.EligibleCountries).Satisfied);
        Assert.Equal("2 EU member states on 2020-01-31 (GB, IT); at least 2 required", result.Rule(RuleCodes.MinEuMemberStates).Detail);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void BritishPartnerIsIneligibleForAProjectStartingOn1February2020()
    {
        var input = Network(2019, "GB", "IT", "RS", "ME") with { StartDate = Day(2020, 2, 1), EndDate = Day(2021, 12, 31) };

        var result = Evaluator.Evaluate(input);

        Assert.Equal("not eligible for Europe for Citizens on 2020-02-01: gb-1 (GB, United Kingdom)", result.Rule(RuleCodes.EligibleCountries).Detail);
        Assert.False(result.Rule(RuleCodes.MinCountries).Satisfied);
        Assert.False(result.Rule(RuleCodes.MinEuMemberStates).Satisfied);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void EventOfTwentyOneDaysIsAllowed()
    {
        var input = Network(2017, "IT", "ME", "SI", "LT") with
        {
            Events = [.. ProjectBuilder.Events(3, Day(2017, 2, 1), "IT"), Event("long", Day(2017, 7, 1), 21, "SI")],
        };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MaxEventDays);

        Assert.True(outcome.Satisfied);
        Assert.Equal("every event lasts at most 21 days (longest: long, 21 days)", outcome.Detail);
    }

    [Fact]
    public void EventOfTwentyTwoDaysFailsMaxEventDays()
    {
        var input = Network(2017, "IT", "ME", "SI", "LT") with
        {
            Events = [.. ProjectBuilder.Events(3, Day(2017, 2, 1), "IT"), Event("long", Day(2017, 7, 1), 22, "SI")],
        };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MaxEventDays);

        Assert.False(outcome.Satisfied);
        Assert.Equal("each event may last at most 21 days; exceeded by long (22 days, 2017-07-01 to 2017-07-22)", outcome.Detail);
    }

    [Fact]
    public void EventEndingBeforeItStartsFailsMaxEventDays()
    {
        var input = Network(2017, "IT", "ME", "SI", "LT") with
        {
            Events = [.. ProjectBuilder.Events(3, Day(2017, 2, 1), "IT"), new EligibilityEvent("reversed", Day(2017, 7, 2), Day(2017, 7, 1), "SI", [])],
        };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MaxEventDays);

        Assert.False(outcome.Satisfied);
        Assert.Contains("reversed (ends 2017-07-01, before it starts 2017-07-02)", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectEndingBeforeItStartsFailsMaxDuration()
    {
        var input = Network(2017, "IT", "ME", "SI", "LT") with { EndDate = Day(2016, 12, 31) };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MaxDurationMonths);

        Assert.False(outcome.Satisfied);
        Assert.Equal("the end date 2016-12-31 precedes the start date 2017-01-01", outcome.Detail);
    }

    [Fact]
    public void PartnerListedTwiceCountsOnce()
    {
        var input = Network(2017) with { Partners = [.. PartnersFrom("IT", "SI", "LT"), Partner("it-1", "IT")] };

        Assert.StartsWith("3 eligible countries", Evaluator.Evaluate(input).Rule(RuleCodes.MinCountries).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void LowerCaseCountryCodesAreReadAsCodes()
    {
        var result = Evaluator.Evaluate(Network(2017, "it", "me", "si", "lt"));

        Assert.True(result.Eligible);
        Assert.Equal("4 eligible countries (IT, ME, SI, LT); at least 4 required", result.Rule(RuleCodes.MinCountries).Detail);
    }

    [Fact]
    public void EvaluationDoesNotDependOnTheOrderOfEvents()
    {
        var forward = Evaluator.Evaluate(Shelter());
        var backward = Evaluator.Evaluate(Shelter() with { Events = [.. ShelterEvents.Reverse()] });

        Assert.Equal(forward.Rules, backward.Rules);
    }

    private static EligibilityInput Shelter() => Project(
        Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, Day(2017, 2, 1), Day(2018, 1, 31), ShelterPartners, ShelterEvents);

    private static EligibilityInput Access() => Project(
        Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2016, Day(2017, 1, 1), Day(2018, 12, 31), AccessPartners, AccessEvents);

    /// <summary>A 24-month network from 2017-01-01 with four one-day events in its first country.</summary>
    private static EligibilityInput Network(int call, params string[] countries) => Project(
        Programme.EuropeForCitizens,
        Measure.NetworkOfTowns,
        call,
        Day(2017, 1, 1),
        Day(2018, 12, 31),
        PartnersFrom(countries),
        ProjectBuilder.Events(4, Day(2017, 3, 1), countries.Length > 0 ? countries[0] : "IT"));
}
