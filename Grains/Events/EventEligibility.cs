using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Municipalities;

namespace Collaboration.Grains.Events;

/// <summary>The project's recorded events as the rulebook sees them.</summary>
public static class EventEligibility
{
    /// <summary>
    /// The events of <paramref name="events"/> that are not cancelled, with their participation. Countries are the
    /// towns' current ones, from <paramref name="partners"/> (every partner of the network, so a town that left the
    /// project keeps its country); a town unknown there has none.
    /// </summary>
    public static IReadOnlyList<EligibilityEvent> From(IEnumerable<EventSummary> events, IReadOnlyDictionary<string, MunicipalitySummary> partners)
    {
        string CountryOf(string municipalityId) =>
            partners.TryGetValue(municipalityId, out var partner) ? partner.Profile.Country : "";

        var eligible = new List<EligibilityEvent>();
        foreach (var e in events)
        {
            if (e.Status == EventStatus.Cancelled)
            {
                continue;
            }

            var host = e.Details.Host;
            var participation = new List<EligibilityParticipation>(e.Participation.Count);
            foreach (var p in e.Participation)
            {
                participation.Add(new EligibilityParticipation(p.MunicipalityId, CountryOf(p.MunicipalityId), p.Participants, Invited: p.MunicipalityId != host));
            }

            eligible.Add(new EligibilityEvent(e.Id, e.Details.StartDate, e.Details.EndDate, CountryOf(host), participation));
        }

        return eligible;
    }
}
