using Collaboration.Grains.Domain.Countries;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Reporting;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Events;

/// <summary>
/// Builds the reports' input records from recorded events. Towns and countries are looked up when a report is
/// rendered, not copied into the events: a partner that corrects its name is published under its current name.
/// One instance serves one request; it caches the partners it looked up.
/// </summary>
public sealed class EventReports(IGrainFactory grains, IGrainIndex index)
{
    private readonly Dictionary<string, MunicipalityProfile?> _profiles = new(StringComparer.Ordinal);

    /// <summary>The project with all its events, cancelled ones included (the formatters decide what they show).</summary>
    public async Task<ReportProject> ProjectAsync(ProjectSnapshot project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var events = await ToReportEventsAsync(await index.ProjectEventsAsync(project.Id));
        return new ReportProject(project.Definition.Title, project.Definition.Programme, project.Definition.Measure, events);
    }

    /// <summary>The events of a partner's calendar: of its projects, hosted by it, or with its delegation.</summary>
    public async Task<IReadOnlyList<ReportEvent>> MunicipalityEventsAsync(string municipalityId) =>
        await ToReportEventsAsync(await index.MunicipalityEventsAsync(municipalityId));

    private async Task<IReadOnlyList<ReportEvent>> ToReportEventsAsync(IReadOnlyList<EventSummary> events)
    {
        var result = new List<ReportEvent>(events.Count);
        foreach (var e in events)
        {
            var d = e.Details;
            var participations = new List<ReportParticipation>(e.Participation.Count);
            foreach (var p in e.Participation)
            {
                var (town, country) = await TownAsync(p.MunicipalityId);
                participations.Add(new ReportParticipation(town, country, p.Participants, IsHost: p.MunicipalityId == d.Host));
            }

            var (hostTown, hostCountry) = await TownAsync(d.Host);
            result.Add(new ReportEvent
            {
                Id = e.Id,
                Title = d.Title,
                Kind = d.Kind,
                StartDate = d.StartDate,
                EndDate = d.EndDate,
                Place = d.Place,
                HostTown = hostTown,
                HostCountry = hostCountry,
                Description = d.Description,
                Participations = participations,
                Cancelled = e.Status == EventStatus.Cancelled,
            });
        }

        return result;
    }

    /// <summary>The partner's current name and its country's English short name (the code itself if the catalog lacks it).</summary>
    private async Task<(string Town, string Country)> TownAsync(string municipalityId)
    {
        if (!_profiles.TryGetValue(municipalityId, out var profile))
        {
            profile = (await grains.GetGrain<IMunicipalityGrain>(municipalityId).GetAsync())?.Profile;
            _profiles[municipalityId] = profile;
        }

        if (profile is null)
        {
            // Partners are never deleted, so this is not expected; the id is better than a gap in a published text.
            return (municipalityId, "");
        }

        var country = CountryCatalog.Default.TryGet(profile.Country, out var c) ? c.Name : profile.Country;
        return (profile.Name, country);
    }
}
