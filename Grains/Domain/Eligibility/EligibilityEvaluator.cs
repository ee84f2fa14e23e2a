using System.Globalization;
using Collaboration.Grains.Domain.Countries;

namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>
/// Judges a project against the rule set of its programme, measure and call year. Pure and thread-safe:
/// the same input gives the same result, so a grain can call it on every read.
/// </summary>
public sealed class EligibilityEvaluator
{
    private static readonly Lazy<EligibilityEvaluator> DefaultEvaluator =
        new(() => new EligibilityEvaluator(CountryCatalog.Default, Rulebook.Default));

    private readonly CountryCatalog countries;
    private readonly Rulebook rulebook;

    public EligibilityEvaluator(CountryCatalog countries, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(rulebook);
        this.countries = countries;
        this.rulebook = rulebook;
    }

    /// <summary>The evaluator over the shipped countries table and rulebook.</summary>
    public static EligibilityEvaluator Default => DefaultEvaluator.Value;

    public EligibilityResult Evaluate(EligibilityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Partners);
        ArgumentNullException.ThrowIfNull(input.Events);

        var ruleSet = rulebook.Select(input.Programme, input.Measure, input.CallYear);
        if (ruleSet is null)
        {
            // No programme rules to break: see the rulebook's notes on 'other'.
            return new EligibilityResult(true, [], null);
        }

        var project = new Project(input, countries);
        var outcomes = ruleSet.Rules.Select(rule => Evaluate(rule, project)).ToList();
        return new EligibilityResult(outcomes.TrueForAll(o => o.Satisfied), outcomes, ruleSet.Id);
    }

    private RuleOutcome Evaluate(RuleDefinition rule, Project project)
    {
        var value = rule.Value ?? 0;
        var (satisfied, detail) = rule.Code switch
        {
            RuleCodes.EligibleCountries => EligibleCountries(project),
            RuleCodes.MinCountries => MinCountries(project, value),
            RuleCodes.MinEuMemberStates => MinEuMemberStates(project, value),
            RuleCodes.MinPartners => MinPartners(project, value),
            RuleCodes.MinDurationMonths => Duration(project, value, atLeast: true),
            RuleCodes.MaxDurationMonths => Duration(project, value, atLeast: false),
            RuleCodes.MinEvents => MinEvents(project, value),
            RuleCodes.MaxEventDays => MaxEventDays(project, value),
            RuleCodes.MinActivityCountries => MinActivityCountries(project, value),
            RuleCodes.MinParticipants => Participants(project, value, rule.Scope ?? RuleScope.Event, invitedOnly: false),
            RuleCodes.MinInvitedParticipants => Participants(project, value, rule.Scope ?? RuleScope.Event, invitedOnly: true),
            _ => throw new InvalidOperationException($"Rule code '{rule.Code}' has no evaluation."), // the rulebook rejects unknown codes
        };
        return new RuleOutcome(rule.Code, satisfied, detail);
    }

    private (bool, string) EligibleCountries(Project p)
    {
        var programme = countries.ProgrammeName(p.Programme);
        if (p.Partners.Count == 0)
        {
            return (true, "no partners yet, so no country to check");
        }

        var ineligible = p.Partners.Where(x => !p.IsEligible(x.Country)).ToList();
        if (ineligible.Count == 0)
        {
            return (true, $"every partner's country is eligible for {programme} on {Day(p.Start)} ({Join(p.Countries)})");
        }

        var offenders = Join(ineligible.Select(x => $"{x.Id} ({Describe(x.Country)})"));
        return (false, $"not eligible for {programme} on {Day(p.Start)}: {offenders}");
    }

    private static (bool, string) MinCountries(Project p, int min)
    {
        var eligible = p.Countries.Where(p.IsEligible).ToList();
        var notCounted = p.Countries.Where(c => !p.IsEligible(c)).ToList();
        var detail = $"{Count(eligible.Count, "eligible country", "eligible countries")}{InParentheses(eligible)}"
            + (notCounted.Count > 0 ? $"; not counted, as not eligible: {Join(notCounted)}" : "")
            + $"; at least {min} required";
        return (eligible.Count >= min, detail);
    }

    private static (bool, string) MinEuMemberStates(Project p, int min)
    {
        var members = p.Countries.Where(p.IsEuMember).ToList();
        var detail = $"{Count(members.Count, "EU member state")} on {Day(p.Start)}{InParentheses(members)}; at least {min} required";
        return (members.Count >= min, detail);
    }

    private static (bool, string) MinPartners(Project p, int min)
    {
        var counted = p.Partners.Count(x => p.IsEligible(x.Country));
        var notCounted = p.Partners.Where(x => !p.IsEligible(x.Country)).Select(x => $"{x.Id} ({x.Country})").ToList();
        var detail = $"{Count(counted, "partner")} from eligible countries"
            + (notCounted.Count > 0 ? $"; not counted: {Join(notCounted)}" : "")
            + $"; at least {min} required";
        return (counted >= min, detail);
    }

    private static (bool, string) Duration(Project p, int months, bool atLeast)
    {
        if (p.End < p.Start)
        {
            return (false, $"the end date {Day(p.End)} precedes the start date {Day(p.Start)}");
        }

        var duration = CalendarDuration.Between(p.Start, p.End);
        var span = $"{duration} ({Day(p.Start)} to {Day(p.End)})";
        return atLeast
            ? (duration.IsAtLeast(months), $"{span}; at least {Count(months, "month")} required")
            : (duration.IsAtMost(months), $"{span}; at most {Count(months, "month")} allowed");
    }

    private static (bool, string) MinEvents(Project p, int min) =>
        p.Events.Count == 0
            ? (false, $"no events recorded yet; at least {min} required")
            : (p.Events.Count >= min, $"{Count(p.Events.Count, "event")}; at least {min} required");

    private static (bool, string) MaxEventDays(Project p, int max)
    {
        if (p.Events.Count == 0)
        {
            return (false, $"no events recorded yet; each event may last at most {Count(max, "day")}");
        }

        var tooLong = p.Events.Where(e => e.EndDate < e.StartDate || Days(e) > max).ToList();
        if (tooLong.Count == 0)
        {
            var longest = p.Events.MaxBy(Days)!;
            return (true, $"every event lasts at most {Count(max, "day")} (longest: {longest.Id}, {Count(Days(longest), "day")})");
        }

        var list = Join(tooLong.Select(e => e.EndDate < e.StartDate
            ? $"{e.Id} (ends {Day(e.EndDate)}, before it starts {Day(e.StartDate)})"
            : $"{e.Id} ({Count(Days(e), "day")}, {Day(e.StartDate)} to {Day(e.EndDate)})"));
        return (false, $"each event may last at most {Count(max, "day")}; exceeded by {list}");
    }

    private static (bool, string) MinActivityCountries(Project p, int min)
    {
        if (p.Events.Count == 0)
        {
            return (false, $"no events recorded yet; activities in at least {Count(min, "country", "countries")} required");
        }

        var hosts = p.Events.Select(e => p.Normalize(e.HostCountry)).Distinct(StringComparer.Ordinal).ToList();
        return (hosts.Count >= min, $"activities in {Count(hosts.Count, "country", "countries")} ({Join(hosts)}); at least {min} required");
    }

    private static (bool, string) Participants(Project p, int min, RuleScope scope, bool invitedOnly)
    {
        var noun = invitedOnly ? "invited participant" : "participant";
        int CountIn(EligibilityEvent e) => e.Participation.Where(x => !invitedOnly || x.Invited).Sum(x => x.Participants);

        if (p.Events.Count == 0)
        {
            var per = scope == RuleScope.Event ? " per event" : "";
            return (false, $"no events recorded yet; at least {min} {noun}s required{per}");
        }

        if (scope == RuleScope.Project)
        {
            var total = p.Events.Sum(CountIn);
            return (total >= min, $"{Count(total, noun)} over {Count(p.Events.Count, "event")}; at least {min} required");
        }

        // Per event: an event without recorded participation is not judged yet (it may lie ahead).
        var recorded = p.Events.Where(e => e.Participation.Count > 0).ToList();
        var pending = p.Events.Where(e => e.Participation.Count == 0).Select(e => e.Id).ToList();
        if (recorded.Count == 0)
        {
            return (false, $"no participation recorded yet ({Join(pending)}); at least {min} {noun}s required per event");
        }

        var pendingNote = pending.Count > 0 ? $"; not yet recorded: {Join(pending)}" : "";
        var tooFew = recorded.Where(e => CountIn(e) < min).ToList();
        if (tooFew.Count == 0)
        {
            var counts = Join(recorded.Select(e => $"{e.Id}: {CountIn(e)}"));
            return (true, $"every event with recorded participation has at least {min} {noun}s ({counts}){pendingNote}");
        }

        var shortList = Join(tooFew.Select(e => $"{e.Id} ({CountIn(e)})"));
        return (false, $"fewer than {min} {noun}s: {shortList}; at least {min} required per event{pendingNote}");
    }

    private string Describe(string code) =>
        countries.TryGet(code, out var country) ? $"{country.Code}, {country.Name}" : $"{code}, unknown country";

    private static int Days(EligibilityEvent e) => e.EndDate.DayNumber - e.StartDate.DayNumber + 1;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> items) => string.Join(", ", items);

    private static string InParentheses(IReadOnlyCollection<string> items) => items.Count > 0 ? $" ({Join(items)})" : "";

    private static string Count(int n, string singular, string? plural = null) =>
        n == 1 ? $"1 {singular}" : $"{n} {plural ?? singular + "s"}";

    /// <summary>The input with partners deduplicated, codes normalized and dates judged once.</summary>
    private sealed class Project
    {
        private readonly CountryCatalog countries;

        public Project(EligibilityInput input, CountryCatalog countries)
        {
            this.countries = countries;
            Programme = input.Programme;
            Start = input.StartDate;
            End = input.EndDate;

            // Partners and countries keep the caller's order (the lead first), so details read like the partnership.
            Partners = input.Partners
                .DistinctBy(x => x.Id, StringComparer.Ordinal)
                .Select(x => x with { Country = Normalize(x.Country) })
                .ToList();
            Countries = Partners.Select(x => x.Country).Distinct(StringComparer.Ordinal).ToList();
            Events = input.Events
                .OrderBy(e => e.StartDate)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
        }

        public Programme Programme { get; }

        public DateOnly Start { get; }

        public DateOnly End { get; }

        public IReadOnlyList<EligibilityPartner> Partners { get; }

        public IReadOnlyList<string> Countries { get; }

        public IReadOnlyList<EligibilityEvent> Events { get; }

        public bool IsEligible(string code) => countries.IsEligible(code, Programme, Start);

        /// <summary>The catalog's spelling of a code; an unknown code is kept, trimmed and upper-cased, to be named in details.</summary>
        public string Normalize(string? code) =>
            countries.TryGet(code, out var c) ? c.Code : (code ?? "").Trim().ToUpperInvariant();

        public bool IsEuMember(string code) => countries.IsEuMember(code, Start);
    }
}
