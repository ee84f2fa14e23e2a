using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;

namespace Collaboration.Grains.Tests.Domain;

/// <summary>Short ways to write eligibility inputs in tests.</summary>
internal static class ProjectBuilder
{
    public static EligibilityInput Project(
        Programme programme,
        Measure measure,
        int? call,
        DateOnly start,
        DateOnly end,
        IEnumerable<EligibilityPartner> partners,
        IEnumerable<EligibilityEvent>? events = null) =>
        new(programme, measure, call, start, end, [.. partners], [.. events ?? []]);

    public static EligibilityPartner Partner(string id, string country) => new(id, country);

    /// <summary>Partners named after their countries (<c>it</c>, <c>si</c>...), one per country.</summary>
    public static IEnumerable<EligibilityPartner> PartnersFrom(params string[] countries) =>
        countries.Select((c, i) => Partner($"{c.ToLowerInvariant()}-{i + 1}", c));

    /// <summary>An event of <paramref name="days"/> days, both ends counted.</summary>
    public static EligibilityEvent Event(string id, DateOnly start, int days, string host, params EligibilityParticipation[] participation) =>
        new(id, start, start.AddDays(days - 1), host, participation);

    /// <summary><paramref name="count"/> one-day events, a month apart, hosted in turn by the given countries.</summary>
    public static IEnumerable<EligibilityEvent> Events(int count, DateOnly from, params string[] hosts) =>
        Enumerable.Range(0, count).Select(i => Event($"ev-{i + 1}", from.AddMonths(i), 1, hosts[i % hosts.Length]));

    public static EligibilityParticipation Local(string town, string country, int participants) => new(town, country, participants, false);

    public static EligibilityParticipation Invited(string town, string country, int participants) => new(town, country, participants, true);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static RuleOutcome Rule(this EligibilityResult result, string code) => Assert.Single(result.Rules, r => r.Code == code);
}
