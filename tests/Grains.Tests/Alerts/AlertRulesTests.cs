using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Alerts;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Tests.Alerts;

/// <summary>The alert rules at their boundaries, on a clock the test sets.</summary>
public sealed class AlertRulesTests
{
    private static readonly DateOnly End = new(2026, 12, 31);

    private static readonly IReadOnlyList<EligibilityPartner> Partners =
        [new("canepina", "IT"), new("novo-mesto", "SI"), new("herceg-novi", "ME"), new("kelme", "LT")];

    [Fact]
    public void AProjectShortOfEventsIsWarnedFromNinetyDaysBeforeItsEnd()
    {
        var windowStart = At(2026, 10, 2);

        var before = AlertRules.ForProject(Project(), Partners, Events(2), windowStart.AddTicks(-1));
        var at = AlertRules.ForProject(Project(), Partners, Events(2), windowStart);

        Assert.Empty(before.Findings);
        Assert.Equal(windowStart, before.NextBoundary);
        var finding = Assert.Single(at.Findings);
        Assert.Equal(
            new AlertFinding(AlertCodes.EventsShort, AlertSeverity.Warning, "ends in 90 days (2026-12-31) with 2 of the 4 events required", windowStart),
            finding);
        Assert.Equal(At(2026, 12, 1), at.NextBoundary);
    }

    [Fact]
    public void ThirtyDaysBeforeItsEndTheShortfallBecomesCriticalAndStaysSoAfterTheEnd()
    {
        Assert.Equal(AlertSeverity.Warning, AlertRules.ForProject(Project(), Partners, Events(3), At(2026, 12, 1).AddTicks(-1)).Findings.Single().Severity);

        var critical = AlertRules.ForProject(Project(), Partners, Events(3), At(2026, 12, 1)).Findings.Single();
        var ended = AlertRules.ForProject(Project(), Partners, Events(3), At(2027, 1, 1)).Findings.Single();

        Assert.Equal((AlertSeverity.Critical, "ends in 30 days (2026-12-31) with 3 of the 4 events required"), (critical.Severity, critical.Detail));
        Assert.Equal((AlertSeverity.Critical, "ended 1 day ago (2026-12-31) with 3 of the 4 events required"), (ended.Severity, ended.Detail));
    }

    [Fact]
    public void AProjectIsWatchedUntilNinetyDaysAfterItsEnd()
    {
        var lastWatched = AlertRules.ForProject(Project(), Partners, Events(1), At(2027, 4, 1).AddTicks(-1));
        var over = AlertRules.ForProject(Project(), Partners, Events(1), At(2027, 4, 1));

        Assert.Equal(At(2027, 4, 1), lastWatched.NextBoundary);
        Assert.NotEmpty(lastWatched.Findings);
        Assert.Empty(over.Findings);
        Assert.Null(over.NextBoundary);
    }

    [Fact]
    public void EnoughEventsRaiseNothing()
    {
        Assert.Empty(AlertRules.ForProject(Project(), Partners, Events(4), At(2026, 12, 20)).Findings);
    }

    [Fact]
    public void AnEventOfTwentyTwoDaysIsTooLongWhereTwentyOneCount()
    {
        var start = new DateOnly(2026, 3, 1);
        EligibilityEvent Lasting(string id, int days) => new(id, start, start.AddDays(days - 1), "IT", []);

        var fine = AlertRules.ForProject(Project(), Partners, [Lasting("ev-21", 21)], At(2026, 3, 1));
        var tooLong = AlertRules.ForProject(Project(), Partners, [Lasting("ev-21", 21), Lasting("ev-22", 22)], At(2026, 3, 1));

        Assert.Empty(fine.Findings);
        var finding = Assert.Single(tooLong.Findings);
        Assert.Equal(AlertCodes.EventTooLong, finding.Code);
        Assert.Equal(AlertSeverity.Critical, finding.Severity);
        Assert.Equal("an event of 22 days (ev-22, 2026-03-01 to 2026-03-22) where at most 21 days count", finding.Detail);
    }

    [Fact]
    public void ACallOfTwentyNineteenWithOneEuMemberStateLeftIsShort()
    {
        var project = Project() with { Call = 2019, StartDate = new DateOnly(2019, 9, 1) };
        IReadOnlyList<EligibilityPartner> twoMembers = [new("canepina", "IT"), new("novo-mesto", "SI"), new("herceg-novi", "ME"), new("tirana", "AL")];
        IReadOnlyList<EligibilityPartner> oneMember = [new("canepina", "IT"), new("herceg-novi", "ME"), new("tirana", "AL"), new("beograd", "RS")];

        Assert.Empty(AlertRules.ForProject(project, twoMembers, Events(4), At(2026, 3, 1)).Findings);
        var finding = Assert.Single(AlertRules.ForProject(project, oneMember, Events(4), At(2026, 3, 1)).Findings);

        Assert.Equal((AlertCodes.EuMembersShort, "1 EU member state left among the partners (IT); at least 2 required"), (finding.Code, finding.Detail));
    }

    [Fact]
    public void APartnerIsQuietNinetyDaysAfterItsLastActivity()
    {
        var last = new DateTimeOffset(2026, 1, 10, 14, 30, 0, TimeSpan.Zero);

        var almost = AlertRules.ForPartner(last, last.AddDays(90).AddTicks(-1));
        var quiet = AlertRules.ForPartner(last, last.AddDays(90));

        Assert.Empty(almost.Findings);
        Assert.Equal(last.AddDays(90), almost.NextBoundary);
        Assert.Equal(
            new AlertFinding(AlertCodes.PartnerQuiet, AlertSeverity.Warning, "no activity for 90 days (last on 2026-01-10)", last.AddDays(90)),
            Assert.Single(quiet.Findings));
        Assert.Null(quiet.NextBoundary);
    }

    [Fact]
    public void ADeactivatedPartnerIsNeverQuietAndWaitsForNoBoundary()
    {
        var last = new DateTimeOffset(2026, 1, 10, 14, 30, 0, TimeSpan.Zero);
        var deactivated = last.AddDays(30);

        var before = AlertRules.ForPartner(last, last.AddDays(60), deactivated);
        var longAfter = AlertRules.ForPartner(last, last.AddDays(400), deactivated);

        Assert.Empty(before.Findings);
        Assert.Null(before.NextBoundary);
        Assert.Empty(longAfter.Findings);
        Assert.Null(longAfter.NextBoundary);
    }

    [Fact]
    public void AnAgreementOpenForSixtyDaysIsAlertedUntilItIsInForce()
    {
        var created = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var open = Agreement.Draft("ag-1", Actor.Municipality("canepina"), new AgreementContent("Charter", ["culture"], "We cooperate."), ["canepina", "kelme"], created)
            .Agreement;
        var signed = open.Sign(Actor.Municipality("canepina"), new AgreementSignature("Mayor", "Mayor"), created.AddDays(1)).Agreement;

        var almost = AlertRules.ForAgreement(signed, created.AddDays(60).AddTicks(-1));
        var alerted = AlertRules.ForAgreement(signed, created.AddDays(60));
        var inForce = signed.Sign(Actor.Municipality("kelme"), new AgreementSignature("Mayor", "Mayor"), created.AddDays(61)).Agreement;

        Assert.Empty(almost.Findings);
        Assert.Equal(created.AddDays(60), almost.NextBoundary);
        Assert.Equal(
            new AlertFinding(AlertCodes.AgreementOpenLong, AlertSeverity.Warning, "open for 60 days with 1 of 2 parties signed; awaiting kelme", created.AddDays(60)),
            Assert.Single(alerted.Findings));
        Assert.Equal(AgreementStatus.InForce, inForce.Status);
        Assert.Empty(AlertRules.ForAgreement(inForce, created.AddDays(61)).Findings);
        Assert.Null(AlertRules.ForAgreement(inForce, created.AddDays(61)).NextBoundary);
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static ProjectDefinition Project() =>
        new("SHELTER", "Shelter", Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, null,
            new DateOnly(2025, 1, 1), End, "canepina", Partners.Select(p => p.Id).ToList(), [], null);

    private static List<EligibilityEvent> Events(int count) =>
        Enumerable.Range(1, count).Select(i => new EligibilityEvent($"ev-{i}", new DateOnly(2026, 3, i), new DateOnly(2026, 3, i), "IT", [])).ToList();
}
