using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Reporting;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Events;

/// <summary>How recorded events become the reports' input: current names, English country names, roles.</summary>
[Collection(GrainCluster.Collection)]
public sealed class EventReportsTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly EventsSilo _silo = new(cluster);
    private ProjectSnapshot _project = null!;

    private string Shelter => _silo.Id("shelter");

    private string Canepina => _silo.Id("canepina");

    private string Kelme => _silo.Id("kelme");

    private string NovoMesto => _silo.Id("novo-mesto");

    private string Labin => _silo.Id("labin");

    public async Task InitializeAsync() =>
        _project = await _silo.ProjectAsync(Shelter, Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            (Canepina, "IT"), (Kelme, "LT"), (NovoMesto, "SI"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<string> ConferenceAsync()
    {
        var created = await _silo.CreateEventAsync(Shelter, new EventDetails(
            "International conference", EventKind.Conference, Canepina, "Sala consiliare",
            new DateOnly(2017, 10, 12), new DateOnly(2017, 10, 16), "to exchange good practices"), Actor.Coordinator);
        return created.Event.Id;
    }

    [Fact]
    public async Task TheReportInputCarriesTownsCountriesInEnglishAndWhoIsLocal()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync(Canepina, 40, null, Actor.Coordinator);
        await _silo.Event(id).RecordParticipationAsync(Kelme, 9, null, Actor.Coordinator);

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.Equal($"Project {Shelter}", report.Title);
        Assert.Equal((Programme.EuropeForCitizens, Measure.NetworkOfTowns), (report.Programme, report.Measure));
        var e = Assert.Single(report.Events);
        Assert.Equal((id, Canepina, "Italy", "Sala consiliare"), (e.Id, e.HostTown, e.HostCountry, e.Place));
        Assert.Equal(
            [new ReportParticipation(Canepina, "Italy", 40, true), new ReportParticipation(Kelme, "Lithuania", 9, false)],
            e.Participations);
    }

    [Fact]
    public async Task AReportShowsThePartnersCurrentNames()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync(Kelme, 9, null, Actor.Coordinator);
        await _silo.Grains.GetGrain<IMunicipalityGrain>(Kelme).UpdateProfileAsync(
            new MunicipalityProfile("Kelmė", "LT", PartnerKind.Municipality, null, null, null, [], null), null, Actor.Municipality(Kelme));

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.Equal("Kelmė", Assert.Single(Assert.Single(report.Events).Participations).Town);
        Assert.Contains("9 participants from the city of Kelmė (Lithuania)", InformationTemplate.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledEventReachesTheReportsMarkedCancelled()
    {
        var id = await ConferenceAsync();
        await _silo.Event(id).RecordParticipationAsync(Kelme, 9, null, Actor.Coordinator);
        await _silo.Event(id).CancelAsync(null, null, Actor.Coordinator);

        var report = await new EventReports(_silo.Grains, _silo.Index).ProjectAsync(_project);

        Assert.True(Assert.Single(report.Events).Cancelled);
        Assert.Empty(InformationTemplate.ReportedEvents(report));
    }

    [Fact]
    public async Task APartnersCalendarHoldsTheEventsOfItsProjects()
    {
        var id = await ConferenceAsync();
        await _silo.PartnerAsync(Labin, "HR");

        var novoMesto = await new EventReports(_silo.Grains, _silo.Index).MunicipalityEventsAsync(NovoMesto);
        var labin = await new EventReports(_silo.Grains, _silo.Index).MunicipalityEventsAsync(Labin);

        Assert.Equal([id], novoMesto.Select(e => e.Id));
        Assert.Empty(labin);
    }
}
