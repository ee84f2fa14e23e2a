using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using static Collaboration.Grains.Tests.Domain.ProjectBuilder;

namespace Collaboration.Grains.Tests.Domain;

/// <summary>Europe for Citizens and CERV town twinning: participant counts per project and per event.</summary>
public sealed class TownTwinningEligibilityTests
{
    private static readonly EligibilityEvaluator Evaluator = EligibilityEvaluator.Default;

    [Fact]
    public void EuropeForCitizensTwinningWithTwentyFiveInvitedParticipantsIsEligible()
    {
        var input = EfcTwinning(Event("meeting", Day(2016, 5, 20), 3, "SI", Local("novo-mesto", "SI", 80), Invited("canepina", "IT", 25)));

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Eligible);
        Assert.Equal("efc-town-twinning", result.RuleSetId);
        Assert.Equal("25 invited participants over 1 event; at least 25 required", result.Rule(RuleCodes.MinInvitedParticipants).Detail);
    }

    [Fact]
    public void EuropeForCitizensTwinningWithTwentyFourInvitedParticipantsFailsMinInvitedParticipants()
    {
        var input = EfcTwinning(Event("meeting", Day(2016, 5, 20), 3, "SI", Local("novo-mesto", "SI", 80), Invited("canepina", "IT", 24)));

        var result = Evaluator.Evaluate(input);

        var outcome = result.Rule(RuleCodes.MinInvitedParticipants);
        Assert.False(outcome.Satisfied);
        Assert.Equal("24 invited participants over 1 event; at least 25 required", outcome.Detail);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void EuropeForCitizensTwinningAddsInvitedParticipantsOverItsEvents()
    {
        var input = EfcTwinning(
            Event("visit-1", Day(2016, 5, 20), 3, "SI", Local("novo-mesto", "SI", 40), Invited("canepina", "IT", 12)),
            Event("visit-2", Day(2016, 9, 9), 3, "IT", Local("canepina", "IT", 40), Invited("novo-mesto", "SI", 13)));

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinInvitedParticipants);

        Assert.True(outcome.Satisfied);
        Assert.Equal("25 invited participants over 2 events; at least 25 required", outcome.Detail);
    }

    [Fact]
    public void HostTownsParticipantsAreNotInvited()
    {
        var input = EfcTwinning(Event("meeting", Day(2016, 5, 20), 3, "SI", Local("novo-mesto", "SI", 300)));

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinInvitedParticipants);

        Assert.False(outcome.Satisfied);
        Assert.Equal("0 invited participants over 1 event; at least 25 required", outcome.Detail);
    }

    [Fact]
    public void EuropeForCitizensTwinningWithoutEventsFailsItsEventRules()
    {
        var result = Evaluator.Evaluate(EfcTwinning());

        Assert.Equal("no events recorded yet; at least 25 invited participants required", result.Rule(RuleCodes.MinInvitedParticipants).Detail);
        Assert.False(result.Rule(RuleCodes.MaxEventDays).Satisfied);
        Assert.True(result.Rule(RuleCodes.MinCountries).Satisfied);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void EuropeForCitizensTwinningOfOneCountryFailsMinCountries()
    {
        var input = EfcTwinning(Event("meeting", Day(2016, 5, 20), 1, "IT", Invited("gallese", "IT", 30))) with
        {
            Partners = [Partner("canepina", "IT"), Partner("gallese", "IT")],
        };

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinCountries);

        Assert.False(outcome.Satisfied);
        Assert.Equal("1 eligible country (IT); at least 2 required", outcome.Detail);
    }

    [Fact]
    public void EuropeForCitizensTwinningEventOfTwentyTwoDaysFailsMaxEventDays()
    {
        var input = EfcTwinning(Event("meeting", Day(2016, 5, 1), 22, "SI", Invited("canepina", "IT", 30)));

        Assert.False(Evaluator.Evaluate(input).Rule(RuleCodes.MaxEventDays).Satisfied);
    }

    [Fact]
    public void CervTwinningEventOfFiftyParticipantsOfWhomTwentyFiveInvitedIsEligible()
    {
        var input = CervTwinning(Event("twinning", Day(2025, 6, 5), 3, "SI", Local("novo-mesto", "SI", 25), Invited("canepina", "IT", 25)));

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Eligible, string.Join("\n", result.Rules.Select(r => $"{r.Code}: {r.Detail}")));
        Assert.Equal("cerv-town-twinning", result.RuleSetId);
        Assert.Equal(
            "every event with recorded participation has at least 50 participants (twinning: 50)",
            result.Rule(RuleCodes.MinParticipants).Detail);
        Assert.Equal(
            "every event with recorded participation has at least 25 invited participants (twinning: 25)",
            result.Rule(RuleCodes.MinInvitedParticipants).Detail);
    }

    [Fact]
    public void CervTwinningEventOfFortyNineParticipantsFailsMinParticipants()
    {
        var input = CervTwinning(Event("twinning", Day(2025, 6, 5), 3, "SI", Local("novo-mesto", "SI", 24), Invited("canepina", "IT", 25)));

        var result = Evaluator.Evaluate(input);

        var outcome = result.Rule(RuleCodes.MinParticipants);
        Assert.False(outcome.Satisfied);
        Assert.Equal("fewer than 50 participants: twinning (49); at least 50 required per event", outcome.Detail);
        Assert.True(result.Rule(RuleCodes.MinInvitedParticipants).Satisfied);
        Assert.False(result.Eligible);
    }

    [Fact]
    public void CervTwinningEventWithTwentyFourInvitedFailsMinInvitedParticipants()
    {
        var input = CervTwinning(Event("twinning", Day(2025, 6, 5), 3, "SI", Local("novo-mesto", "SI", 60), Invited("canepina", "IT", 24)));

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Rule(RuleCodes.MinParticipants).Satisfied);
        var outcome = result.Rule(RuleCodes.MinInvitedParticipants);
        Assert.False(outcome.Satisfied);
        Assert.Equal("fewer than 25 invited participants: twinning (24); at least 25 required per event", outcome.Detail);
    }

    [Fact]
    public void CervTwinningJudgesEachEventOnItsOwn()
    {
        // 40 + 40 invited in total, but the second event alone has too few.
        var input = CervTwinning(
            Event("first", Day(2025, 4, 3), 2, "SI", Local("novo-mesto", "SI", 30), Invited("canepina", "IT", 40)),
            Event("second", Day(2025, 9, 11), 2, "IT", Local("canepina", "IT", 60), Invited("novo-mesto", "SI", 10)));

        var outcome = Evaluator.Evaluate(input).Rule(RuleCodes.MinInvitedParticipants);

        Assert.False(outcome.Satisfied);
        Assert.Equal("fewer than 25 invited participants: second (10); at least 25 required per event", outcome.Detail);
    }

    [Fact]
    public void CervTwinningEventWithoutParticipationIsNotJudgedYet()
    {
        var input = CervTwinning(
            Event("held", Day(2025, 4, 3), 2, "SI", Local("novo-mesto", "SI", 30), Invited("canepina", "IT", 30)),
            Event("upcoming", Day(2025, 9, 11), 2, "IT"));

        var result = Evaluator.Evaluate(input);

        Assert.True(result.Eligible);
        Assert.Equal(
            "every event with recorded participation has at least 25 invited participants (held: 30); not yet recorded: upcoming",
            result.Rule(RuleCodes.MinInvitedParticipants).Detail);
    }

    [Fact]
    public void CervTwinningWithNoParticipationRecordedFailsParticipantRules()
    {
        var result = Evaluator.Evaluate(CervTwinning(Event("upcoming", Day(2025, 9, 11), 2, "IT")));

        var outcome = result.Rule(RuleCodes.MinParticipants);
        Assert.False(outcome.Satisfied);
        Assert.Equal("no participation recorded yet (upcoming); at least 50 participants required per event", outcome.Detail);
        Assert.False(result.Rule(RuleCodes.MinInvitedParticipants).Satisfied);
    }

    [Fact]
    public void CervTwinningWithoutEventsFailsParticipantRules()
    {
        var result = Evaluator.Evaluate(CervTwinning());

        Assert.Equal("no events recorded yet; at least 50 participants required per event", result.Rule(RuleCodes.MinParticipants).Detail);
        Assert.False(result.Rule(RuleCodes.MinInvitedParticipants).Satisfied);
    }

    [Fact]
    public void CervTwinningOfSixMonthsMeetsMinDuration()
    {
        var outcome = Evaluator.Evaluate(CervTwinning() with { EndDate = Day(2025, 8, 31) }).Rule(RuleCodes.MinDurationMonths);

        Assert.True(outcome.Satisfied);
        Assert.Equal("6 months (2025-03-01 to 2025-08-31); at least 6 months required", outcome.Detail);
    }

    [Fact]
    public void CervTwinningOneDayShortOfSixMonthsFailsMinDuration()
    {
        var outcome = Evaluator.Evaluate(CervTwinning() with { EndDate = Day(2025, 8, 30) }).Rule(RuleCodes.MinDurationMonths);

        Assert.False(outcome.Satisfied);
        Assert.Equal("5 months and 30 days (2025-03-01 to 2025-08-30); at least 6 months required", outcome.Detail);
    }

    [Fact]
    public void CervTwinningOfTwelveMonthsAndOneDayFailsMaxDuration()
    {
        var atTwelve = Evaluator.Evaluate(CervTwinning() with { EndDate = Day(2026, 2, 28) }).Rule(RuleCodes.MaxDurationMonths);
        var beyond = Evaluator.Evaluate(CervTwinning() with { EndDate = Day(2026, 3, 1) }).Rule(RuleCodes.MaxDurationMonths);

        Assert.True(atTwelve.Satisfied);
        Assert.False(beyond.Satisfied);
        Assert.Equal("12 months and 1 day (2025-03-01 to 2026-03-01); at most 12 months allowed", beyond.Detail);
    }

    /// <summary>Europe for Citizens town twinning of Novo mesto (SI) and Canepina (IT), 2016.</summary>
    private static EligibilityInput EfcTwinning(params EligibilityEvent[] events) => Project(
        Programme.EuropeForCitizens,
        Measure.TownTwinning,
        2016,
        Day(2016, 3, 1),
        Day(2016, 12, 31),
        [Partner("novo-mesto", "SI"), Partner("canepina", "IT")],
        events);

    /// <summary>CERV town twinning of Novo mesto (SI) and Canepina (IT), 2025-03-01 to 2026-02-28 (12 months).</summary>
    private static EligibilityInput CervTwinning(params EligibilityEvent[] events) => Project(
        Programme.Cerv,
        Measure.TownTwinning,
        2024,
        Day(2025, 3, 1),
        Day(2026, 2, 28),
        [Partner("novo-mesto", "SI"), Partner("canepina", "IT")],
        events);
}
