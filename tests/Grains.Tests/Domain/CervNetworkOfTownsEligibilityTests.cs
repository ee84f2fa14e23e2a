using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Countries;
using Collaboration.Grains.Domain.Eligibility;
using static Collaboration.Grains.Tests.Domain.ProjectBuilder;

namespace Collaboration.Grains.Tests.Domain;

/// <summary>CERV Networks of Towns, and projects outside the rulebook.</summary>
public sealed class CervNetworkOfTownsEligibilityTests
{
    private static readonly EligibilityEvaluator Evaluator = EligibilityEvaluator.Default;

    [Fact]
    public void CervNetworkOfFourPartnersFromFourCountriesWithActivitiesInTwoIsEligible()
    {
        var result = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR"));

        Assert.True(result.Eligible, string.Join("\n", result.Rules.Select(r => $"{r.Code}: {r.Detail}")));
        Assert.Equal("cerv-network-of-towns", result.RuleSetId);
        Assert.Equal(
            [RuleCodes.EligibleCountries, RuleCodes.MinPartners, RuleCodes.MinCountries, RuleCodes.MinEuMemberStates, RuleCodes.MinDurationMonths, RuleCodes.MaxDurationMonths, RuleCodes.MinActivityCountries],
            result.Rules.Select(r => r.Code));
        Assert.Equal("activities in 2 countries (IT, SI); at least 2 required", result.Rule(RuleCodes.MinActivityCountries).Detail);
    }

    [Fact]
    public void CervNetworkWithThreePartnersFailsMinPartners()
    {
        var outcome = Evaluator.Evaluate(Network("IT", "SI", "LT")).Rule(RuleCodes.MinPartners);

        Assert.False(outcome.Satisfied);
        Assert.Equal("3 partners from eligible countries; at least 4 required", outcome.Detail);
    }

    [Fact]
    public void CervNetworkDoesNotCountPartnersFromIneligibleCountries()
    {
        var input = Network("IT", "SI", "LT") with { Partners = [.. PartnersFrom("IT", "SI", "LT"), Partner("bern", "CH")] };

        var result = Evaluator.Evaluate(input);

        Assert.Equal("3 partners from eligible countries; not counted: bern (CH); at least 4 required", result.Rule(RuleCodes.MinPartners).Detail);
        Assert.False(result.Rule(RuleCodes.EligibleCountries).Satisfied);
    }

    [Fact]
    public void CervNetworkWithOneMemberStateFailsMinEuMemberStates()
    {
        var outcome = Evaluator.Evaluate(Network("IT", "UA", "RS", "AL")).Rule(RuleCodes.MinEuMemberStates);

        Assert.False(outcome.Satisfied);
        Assert.Equal("1 EU member state on 2025-03-01 (IT); at least 2 required", outcome.Detail);
    }

    [Fact]
    public void UkrainianAndSerbianTownsAreEligibleForCervIn2025()
    {
        var result = Evaluator.Evaluate(Network("IT", "SI", "UA", "RS"));

        Assert.True(result.Rule(RuleCodes.EligibleCountries).Satisfied);
        Assert.True(result.Eligible);
    }

    [Fact]
    public void MontenegrinTownIsNotEligibleForCerv()
    {
        var outcome = Evaluator.Evaluate(Network("IT", "SI", "LT", "ME")).Rule(RuleCodes.EligibleCountries);

        Assert.False(outcome.Satisfied);
        Assert.Equal(
            "not eligible for Citizens, Equality, Rights and Values on 2025-03-01: me-4 (ME, Montenegro)",
            outcome.Detail);
    }

    [Fact]
    public void CervNetworkWithActivitiesInOneCountryFailsMinActivityCountries()
    {
        var input = Network("IT", "SI", "LT", "FR") with { Events = [.. ProjectBuilder.Events(3, Day(2025, 4, 1), "IT")] };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinActivityCountries);

        Assert.False(outcome.Satisfied);
        Assert.Equal("activities in 1 country (IT); at least 2 required", outcome.Detail);
    }

    [Fact]
    public void CervNetworkWithoutEventsFailsMinActivityCountries()
    {
        var outcome = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { Events = [] }).Rule(RuleCodes.MinActivityCountries);

        Assert.False(outcome.Satisfied);
        Assert.Equal("no events recorded yet; activities in at least 2 countries required", outcome.Detail);
    }

    [Fact]
    public void CervNetworkOfTwelveMonthsMeetsMinDuration()
    {
        var outcome = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { EndDate = Day(2026, 2, 28) }).Rule(RuleCodes.MinDurationMonths);

        Assert.True(outcome.Satisfied);
        Assert.Equal("12 months (2025-03-01 to 2026-02-28); at least 12 months required", outcome.Detail);
    }

    [Fact]
    public void CervNetworkOneDayShortOfTwelveMonthsFailsMinDuration()
    {
        var result = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { EndDate = Day(2026, 2, 27) });

        Assert.False(result.Rule(RuleCodes.MinDurationMonths).Satisfied);
        Assert.True(result.Rule(RuleCodes.MaxDurationMonths).Satisfied);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void CervNetworkOfTwentyFourMonthsAndOneDayFailsMaxDuration()
    {
        var at24 = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { EndDate = Day(2027, 2, 28) });
        var beyond = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { EndDate = Day(2027, 3, 1) });

        Assert.True(at24.Rule(RuleCodes.MaxDurationMonths).Satisfied);
        Assert.False(beyond.Rule(RuleCodes.MaxDurationMonths).Satisfied);
    }

    [Fact]
    public void ProjectEndingBeforeItStartsFailsBothDurationRules()
    {
        var result = Evaluator.Evaluate(Network("IT", "SI", "LT", "FR") with { EndDate = Day(2025, 2, 28) });

        Assert.False(result.Rule(RuleCodes.MinDurationMonths).Satisfied);
        Assert.False(result.Rule(RuleCodes.MaxDurationMonths).Satisfied);
    }

    [Theory]
    [InlineData(Programme.Other, Measure.NetworkOfTowns)]
    [InlineData(Programme.Other, Measure.Other)]
    [InlineData(Programme.EuropeForCitizens, Measure.Other)]
    [InlineData(Programme.Cerv, Measure.Other)]
    public void ProjectOutsideTheRulebookIsEligibleWithNoRules(Programme programme, Measure measure)
    {
        // Even a Swiss-only partnership: the rulebook has nothing to say about unknown funders' rules.
        var input = Project(programme, measure, null, Day(2025, 1, 1), Day(2025, 12, 31), PartnersFrom("CH"));

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Eligible);
        Assert.Empty(result.Rules);
        Assert.Null(result.RuleSetId);
    }

    [Fact]
    public void EvaluatorUsesTheRulebookItIsGiven()
    {
        const string rules = """
            { "ruleSets": [ { "id": "strict", "programme": "cerv", "measure": "networkOfTowns", "title": "Strict",
              "rules": [ { "code": "min-countries", "value": 5 } ] } ] }
            """;
        var evaluator = new EligibilityEvaluator(CountryCatalog.Default, Rulebook.Parse(rules));

        var result = evaluator.Evaluate(Network("IT", "SI", "LT", "FR"));

        Assert.Equal("strict", result.RuleSetId);
        Assert.Equal("4 eligible countries (IT, SI, LT, FR); at least 5 required", Assert.Single(result.Rules).Detail);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void EveryRuleCodeTheRulebookAcceptsIsEvaluated()
    {
        var rules = string.Join(", ", RuleCodes.All.Select(code => code == RuleCodes.EligibleCountries
            ? $$"""{ "code": "{{code}}" }"""
            : $$"""{ "code": "{{code}}", "value": 1 }"""));
        var book = Rulebook.Parse($$"""
            { "ruleSets": [ { "id": "all", "programme": "cerv", "measure": "networkOfTowns", "title": "All", "rules": [ {{rules}} ] } ] }
            """);

        var result = new EligibilityEvaluator(CountryCatalog.Default, book).Evaluate(Network("IT", "SI", "LT", "FR"));

        Assert.Equal(RuleCodes.All.Order(StringComparer.Ordinal), result.Rules.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(result.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Detail)));
    }

    /// <summary>A CERV network from 2025-03-01 to 2026-08-31 (18 months) with events in the first two countries.</summary>
    private static EligibilityInput Network(params string[] countries) => Project(
        Programme.Cerv,
        Measure.NetworkOfTowns,
        2025,
        Day(2025, 3, 1),
        Day(2026, 8, 31),
        PartnersFrom(countries),
        ProjectBuilder.Events(4, Day(2025, 4, 1), countries[0], countries[1]));
}
