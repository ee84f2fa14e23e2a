using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Events;

/// <summary>The project's recorded events as the rulebook sees them.</summary>
public static class EventEligibility
{
    /// <summary>
    /// The project's events that are not cancelled, with their participation, read from the events index: an event
    /// grain calls its project, so the project must never call its events. Countries are the towns' current ones,
    /// from <paramref name="partners"/> or, for a town that left the project, from its grain.
    /// </summary>
    public static async Task<IReadOnlyList<EligibilityEvent>> LoadAsync(
        IGrainIndex index, IGrainFactory grains, string projectId, IReadOnlyList<EligibilityPartner> partners)
    {
        var countries = partners.DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, p => p.Country, StringComparer.Ordinal);
        async Task<string> CountryOf(string municipalityId)
        {
            if (!countries.TryGetValue(municipalityId, out var country))
            {
                country = (await grains.GetGrain<IMunicipalityGrain>(municipalityId).GetAsync())?.Profile.Country ?? "";
                countries[municipalityId] = country;
            }

            return country;
        }

        var events = new List<EligibilityEvent>();
        foreach (var e in await index.ProjectEventsAsync(projectId, includeCancelled: false))
        {
            var host = e.Details.Host;
            var participation = new List<EligibilityParticipation>(e.Participation.Count);
            foreach (var p in e.Participation)
            {
                participation.Add(new EligibilityParticipation(p.MunicipalityId, await CountryOf(p.MunicipalityId), p.Participants, Invited: p.MunicipalityId != host));
            }

            events.Add(new EligibilityEvent(e.Id, e.Details.StartDate, e.Details.EndDate, await CountryOf(host), participation));
        }

        return events;
    }
}
