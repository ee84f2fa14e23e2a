using System.Globalization;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Domain.Countries;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Alerts;

/// <summary>
/// The coordinators' alerts as plain rules: a project against its programme's rulebook with the time it has left, a
/// partner's silence, an agreement's wait for signatures. Pure: the same facts and time give the same findings, and
/// each evaluation says when time alone could next change them.
/// </summary>
public static class AlertRules
{
    /// <summary>How long before its end a project short of events is warned.</summary>
    public const int EndingWindowDays = 90;

    /// <summary>How long before its end a project short of events becomes critical.</summary>
    public const int CriticalDays = 30;

    /// <summary>How long after its end a project is still watched (the final report is due then).</summary>
    public const int ReportWindowDays = 90;

    public const int QuietDays = 90;

    public const int OpenAgreementDays = 60;

    public static AlertEvaluation ForProject(
        ProjectDefinition project,
        IReadOnlyList<EligibilityPartner> partners,
        IReadOnlyList<EligibilityEvent> events,
        DateTimeOffset now,
        Rulebook? rulebook = null,
        CountryCatalog? countries = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(events);
        countries ??= CountryCatalog.Default;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var windowStart = project.EndDate.AddDays(-EndingWindowDays);
        var criticalStart = project.EndDate.AddDays(-CriticalDays);
        var ended = project.EndDate.AddDays(1);
        var watchedUntil = ended.AddDays(ReportWindowDays);
        var next = new[] { windowStart, criticalStart, ended, watchedUntil }.Select(Midnight).Where(b => b > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
        if (today >= watchedUntil)
        {
            return new AlertEvaluation([], null);
        }

        var rules = (rulebook ?? Rulebook.Default).Select(project.Programme, project.Measure, project.Call)?.Rules ?? [];
        int? Value(string code) => rules.FirstOrDefault(r => r.Code == code)?.Value;
        var findings = new List<AlertFinding>();

        if (Value(RuleCodes.MinEvents) is { } required && events.Count < required && today >= windowStart)
        {
            var counted = $"{events.Count} of the {required} events required";
            var daysLeft = project.EndDate.DayNumber - today.DayNumber;
            findings.Add(today <= project.EndDate
                ? new AlertFinding(AlertCodes.EventsShort, daysLeft <= CriticalDays ? AlertSeverity.Critical : AlertSeverity.Warning,
                    $"ends in {Days(daysLeft)} ({Day(project.EndDate)}) with {counted}", Midnight(windowStart))
                : new AlertFinding(AlertCodes.EventsShort, AlertSeverity.Critical,
                    $"ended {Days(-daysLeft)} ago ({Day(project.EndDate)}) with {counted}", Midnight(windowStart)));
        }

        if (Value(RuleCodes.MaxEventDays) is { } maxDays)
        {
            var tooLong = events.Where(e => e.EndDate.DayNumber - e.StartDate.DayNumber + 1 > maxDays).OrderBy(e => e.StartDate).ToList();
            if (tooLong.Count > 0)
            {
                var list = string.Join("; ", tooLong.Select(e =>
                    $"an event of {Days(e.EndDate.DayNumber - e.StartDate.DayNumber + 1)} ({e.Id}, {Day(e.StartDate)} to {Day(e.EndDate)})"));
                findings.Add(new AlertFinding(AlertCodes.EventTooLong, AlertSeverity.Critical, $"{list} where at most {Days(maxDays)} count"));
            }
        }

        if (Value(RuleCodes.MinEuMemberStates) is { } minMembers)
        {
            var members = partners.Select(p => p.Country).Where(c => countries.IsEuMember(c, project.StartDate))
                .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (members.Count < minMembers)
            {
                var named = members.Count > 0 ? $" ({string.Join(", ", members)})" : "";
                var noun = members.Count == 1 ? "EU member state" : "EU member states";
                findings.Add(new AlertFinding(AlertCodes.EuMembersShort, AlertSeverity.Critical,
                    $"{members.Count} {noun} left among the partners{named}; at least {minMembers} required"));
            }
        }

        return new AlertEvaluation(findings, next);
    }

    /// <summary>
    /// A partner's silence. A deactivated partner (<paramref name="deactivatedAt"/> set) has left the network for the
    /// time being: its silence is expected, so it has no alert and nothing to wait for until it is reactivated.
    /// </summary>
    public static AlertEvaluation ForPartner(DateTimeOffset lastActivity, DateTimeOffset now, DateTimeOffset? deactivatedAt = null)
    {
        if (deactivatedAt is not null)
        {
            return new AlertEvaluation([], null);
        }

        var quietFrom = lastActivity.AddDays(QuietDays);
        if (now < quietFrom)
        {
            return new AlertEvaluation([], quietFrom);
        }

        var days = (int)(now - lastActivity).TotalDays;
        return new AlertEvaluation(
            [new AlertFinding(AlertCodes.PartnerQuiet, AlertSeverity.Warning, $"no activity for {Days(days)} (last on {Day(lastActivity)})", quietFrom)],
            null);
    }

    public static AlertEvaluation ForAgreement(Agreement agreement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Status != AgreementStatus.Open)
        {
            return new AlertEvaluation([], null);
        }

        var longFrom = agreement.CreatedAt.AddDays(OpenAgreementDays);
        if (now < longFrom)
        {
            return new AlertEvaluation([], longFrom);
        }

        var waiting = agreement.Parties.Where(p => !p.HasSigned).Select(p => p.MunicipalityId).ToList();
        var signed = agreement.Parties.Count - waiting.Count;
        var detail = $"open for {Days((int)(now - agreement.CreatedAt).TotalDays)} with {signed} of {agreement.Parties.Count} parties signed; "
            + $"awaiting {string.Join(", ", waiting)}";
        return new AlertEvaluation([new AlertFinding(AlertCodes.AgreementOpenLong, AlertSeverity.Warning, detail, longFrom)], null);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Days(int n) => n == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{n} days");
}
