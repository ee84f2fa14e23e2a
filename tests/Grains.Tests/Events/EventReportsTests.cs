using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Reporting;

namespace Collaboration.Grains.Tests.Events;

/// <summary>How recorded events become the reports' input: current names, English country names, roles.</summary>
public sealed class EventReportsTests : IAsyncLifetime
{
    private readonly EventsSilo _silo = new();
    private ProjectSnapshot _project = null!;

    public async Task InitializeAsync() =>
        _project = await _silo.ProjectAsync("shelter", Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            ("canepina", "IT"), ("kelme", "LT"), ("novo-mesto", "SI"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<string> ConferenceAsync()
    {
        var created = await _silo.CreateEventAsync("shelter", new EventDetails(
            "International conference", EventKind.Conference, "canepina", "Sala consiliare",
            new DateOnly(2017, 10, 12), new DateOnly(2017, 10, 16), "to exchange good practices"), Actor.Coordinator);
        return created.Event.Id;
    }

    [Fact]
    public async Task TheReportInputCarriesTownsCountriesInEnglishAndWhoIsLocal()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync("canepina", 40, null, Actor.Coordinator);
        await _silo.Event(id).RecordParticipationAsync("kelme", 9, null, Actor.Coordinator);

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.Equal("Project shelter", report.Title);
        Assert.Equal((Programme.EuropeForCitizens, Measure.NetworkOfTowns), (report.Programme, report.Measure));
        var e = Assert.Single(report.Events);
        Assert.Equal((id, "canepina", "Italy", "Sala consiliare"), (e.Id, e.HostTown, e.HostCountry, e.Place));
        Assert.Equal(
            [new ReportParticipation("canepina", "Italy", 40, true), new ReportParticipation("kelme", "Lithuania", 9, false)],
            e.Participations);
    }

    [Fact]
    public async Task AReportShowsThePartnersCurrentNames()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync("kelme", 9, null, Actor.Coordinator);
        await _silo.Grains.GetGrain<IMunicipalityGrain>("kelme").UpdateProfileAsync(
            new MunicipalityProfile("Kelmė", "LT", PartnerKind.Municipality, null, null, null, [], null), null, Actor.Municipality("kelme"));

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.Equal("Kelmė", Assert.Single(Assert.Single(report.Events).Participations).Town);
        Assert.Contains("9 participants from the city of Kelmė (Lithuania)", InformationTemplate.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledEventReachesTheReportsMarkedCancelled()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync("kelme", 9, null, Actor.Coordinator);
        await _silo.Event(id).CancelAsync(null, null, Actor.Coordinator);

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.True(Assert.Single(report.Events).Cancelled);
        Assert.Empty(InformationTemplate.ReportedEvents(report));
    }

    [Fact]
    public async Task APartnersCalendarHoldsTheEventsOfItsProjects()
    {
        var id = await ConferenceAsync();
        await _silo.PartnerAsync("labin", "HR");

        var novoMesto = await new EventReports(_silo.Grains, _silo.Index).MunicipalityEventsAsync("novo-mesto");
        var labin = await new EventReports(_silo.Grains, _silo.Index).MunicipalityEventsAsync("labin");

        Assert.Equal([id], novoMesto.Select(e => e.Id));
        Assert.Empty(labin);
    }
}
