using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Events;

/// <summary>The rules of events and participation, on the grains themselves.</summary>
[Collection(GrainCluster.Collection)]
public sealed class EventGrainTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly DateOnly ProjectStart = new(2017, 1, 1);
    private static readonly DateOnly ProjectEnd = new(2018, 12, 31);

    private readonly EventsSilo _silo = new(cluster);

    private string Shelter => _silo.Id("shelter");

    private string CanepinaId => _silo.Id("canepina");

    private string GalleseId => _silo.Id("gallese");

    private string NovoMestoId => _silo.Id("novo-mesto");

    private string HercegNoviId => _silo.Id("herceg-novi");

    private string LabinId => _silo.Id("labin");

    private Actor Canepina => Actor.Municipality(CanepinaId);

    private Actor Gallese => Actor.Municipality(GalleseId);

    private Actor NovoMesto => Actor.Municipality(NovoMestoId);

    private EventDetails Conference(string? host = null) => new(
        "International conference",
        EventKind.Conference,
        host ?? CanepinaId,
        "Sala consiliare",
        new DateOnly(2017, 10, 12),
        new DateOnly(2017, 10, 16),
        "to exchange good practices on integration");

    public Task InitializeAsync() =>
        _silo.ProjectAsync(Shelter, Measure.NetworkOfTowns, ProjectStart, ProjectEnd,
            (CanepinaId, "IT"), (GalleseId, "IT"), (NovoMestoId, "SI"), (HercegNoviId, "ME"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task APartnerRecordsAnEventHostedByAnotherPartner()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(host: CanepinaId), NovoMesto);

        var e = created.Event;
        Assert.StartsWith("ev-", e.Id, StringComparison.Ordinal);
        Assert.Equal(Shelter, e.ProjectId);
        Assert.Equal(Conference(), e.Details);
        Assert.Equal(EventStatus.Confirmed, e.Status);
        Assert.Empty(e.Participation);
        Assert.Equal(_silo.Clock.GetUtcNow(), e.CreatedAt);
        var read = await _silo.Event(e.Id).GetAsync();
        Assert.Equal((created.Version, e.Details), (read!.Version, read.Event.Details));
    }

    [Fact]
    public async Task TheCoordinatorRecordsAnEvent()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Actor.Coordinator);

        Assert.Equal(EventStatus.Confirmed, created.Event.Status);
    }

    [Fact]
    public async Task ATownOutsideTheProjectMayNotRecordItsEvents()
    {
        await _silo.PartnerAsync(LabinId, "HR");

        await Assert.ThrowsAsync<ForbiddenException>(() => _silo.CreateEventAsync(Shelter, Conference(), Actor.Municipality(LabinId)));
    }

    [Fact]
    public async Task AnEventOfAnUnknownProjectIsNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.CreateEventAsync(_silo.Id("nowhere"), Conference(), Actor.Coordinator));

        Assert.Equal("project", error.Resource);
    }

    [Fact]
    public async Task TheHostMustBeAPartnerOfTheProject()
    {
        await _silo.PartnerAsync(LabinId, "HR");

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync(Shelter, Conference(host: LabinId), Actor.Coordinator));

        Assert.Equal(["host"], error.Errors.Keys);
    }

    [Fact]
    public async Task AnEventMustLieWithinTheProject()
    {
        var before = Conference() with { StartDate = new DateOnly(2016, 12, 30), EndDate = new DateOnly(2017, 1, 2) };
        var after = Conference() with { StartDate = new DateOnly(2018, 12, 30), EndDate = new DateOnly(2019, 1, 2) };

        var early = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync(Shelter, before, Canepina));
        var late = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync(Shelter, after, Canepina));

        Assert.Equal(["startDate"], early.Errors.Keys);
        Assert.Equal(["endDate"], late.Errors.Keys);
    }

    [Fact]
    public async Task AnEventThatEndsBeforeItStartsIsRefused()
    {
        var reversed = Conference() with { StartDate = new DateOnly(2017, 10, 16), EndDate = new DateOnly(2017, 10, 12) };

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync(Shelter, reversed, Canepina));

        Assert.Contains("endDate", error.Errors.Keys);
    }

    [Fact]
    public async Task EventsLongPastAreRecordedAfterTheyHappened()
    {
        Assert.True(_silo.Clock.GetUtcNow().Year >= 2026);

        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);

        Assert.Equal(new DateOnly(2017, 10, 12), created.Event.Details.StartDate);
    }

    [Fact]
    public async Task OnlyTheHostOrTheCoordinatorChangesAnEvent()
    {
        // Novo mesto recorded the event, but Canepina hosts it: the creator does not own it.
        var created = await _silo.CreateEventAsync(Shelter, Conference(), NovoMesto);
        var grain = _silo.Event(created.Event.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => grain.UpdateAsync(Conference() with { Title = "Mine" }, null, NovoMesto));
        await Assert.ThrowsAsync<ForbiddenException>(() => grain.CancelAsync(null, null, Gallese));
        var byHost = await grain.UpdateAsync(Conference() with { Title = "Conference on integration" }, created.Version, Canepina);
        var byCoordinator = await grain.UpdateAsync(byHost.Event.Details with { Place = "Palazzo comunale" }, byHost.Version, Actor.Coordinator);

        Assert.Equal("Conference on integration", byCoordinator.Event.Details.Title);
        Assert.Equal("Palazzo comunale", byCoordinator.Event.Details.Place);
        Assert.NotEqual(created.Version, byCoordinator.Version);
    }

    [Fact]
    public async Task AnUpdateAtAStaleVersionIsRefusedAndChangesNothing()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.UpdateAsync(Conference() with { Title = "First" }, created.Version, Canepina);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.UpdateAsync(Conference() with { Title = "Second" }, created.Version, Canepina));

        Assert.Equal("First", (await grain.GetAsync())!.Event.Details.Title);
    }

    [Fact]
    public async Task AnUpdateMayHandTheEventToAnotherPartnerButNotToAnOutsider()
    {
        await _silo.PartnerAsync(LabinId, "HR");
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        await Assert.ThrowsAsync<DomainValidationException>(() => grain.UpdateAsync(Conference(host: LabinId), null, Canepina));
        var moved = await grain.UpdateAsync(Conference(host: GalleseId), null, Canepina);

        Assert.Equal(GalleseId, moved.Event.Details.Host);
        await Assert.ThrowsAsync<ForbiddenException>(() => grain.UpdateAsync(Conference(), null, Canepina));
    }

    [Fact]
    public async Task ACancelledEventCannotChangeGetParticipationOrBeCancelledAgain()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        var cancelled = await grain.CancelAsync("Flooding in the region", null, Canepina);

        Assert.Equal(EventStatus.Cancelled, cancelled.Event.Status);
        Assert.Equal(_silo.Clock.GetUtcNow(), cancelled.Event.CancelledAt);
        Assert.Equal("Flooding in the region", cancelled.Event.CancellationReason);
        await Assert.ThrowsAsync<ConflictException>(() => grain.UpdateAsync(Conference(), null, Canepina));
        await Assert.ThrowsAsync<ConflictException>(() => grain.RecordParticipationAsync(GalleseId, 10, null, Gallese));
        await Assert.ThrowsAsync<ConflictException>(() => grain.CancelAsync(null, null, Actor.Coordinator));
    }

    [Fact]
    public async Task ATownItsHostAndTheCoordinatorRecordItsParticipationButNoOtherPartner()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        await grain.RecordParticipationAsync(GalleseId, 25, null, Gallese);
        await grain.RecordParticipationAsync(NovoMestoId, 12, null, Canepina);
        await grain.RecordParticipationAsync(CanepinaId, 40, null, Actor.Coordinator);
        await Assert.ThrowsAsync<ForbiddenException>(() => grain.RecordParticipationAsync(HercegNoviId, 12, null, NovoMesto));

        var participation = (await grain.GetAsync())!.Event.Participation;
        Assert.Equal(
            [(CanepinaId, 40, "coordinator"), (GalleseId, 25, GalleseId), (NovoMestoId, 12, CanepinaId)],
            participation.Select(p => (p.MunicipalityId, p.Participants, p.RecordedBy)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(EventGrain.MaxParticipants + 1)]
    [InlineData(int.MaxValue)]
    public async Task NegativeOrAbsurdNumbersOfParticipantsAreRefused(int participants)
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _silo.Event(created.Event.Id).RecordParticipationAsync(GalleseId, participants, null, Gallese));

        Assert.Equal(["participants"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EventGrain.MaxParticipants)]
    public async Task ZeroAndTheLargestDelegationAreAccepted(int participants)
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);

        var recorded = await _silo.Event(created.Event.Id).RecordParticipationAsync(GalleseId, participants, null, Gallese);

        Assert.Equal(participants, Assert.Single(recorded.Event.Participation).Participants);
    }

    [Fact]
    public async Task OnlyAPartnerOfTheProjectCanHaveParticipation()
    {
        await _silo.PartnerAsync(LabinId, "HR");
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => _silo.Event(created.Event.Id).RecordParticipationAsync(LabinId, 5, null, Actor.Coordinator));

        Assert.Equal(LabinId, error.Id);
    }

    [Fact]
    public async Task RecordingTheSameNumberAgainChangesNothing()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        var first = await grain.RecordParticipationAsync(GalleseId, 25, null, Gallese);

        var again = await grain.RecordParticipationAsync(GalleseId, 25, first.Version, Canepina);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(GalleseId, Assert.Single(again.Event.Participation).RecordedBy);
    }

    [Fact]
    public async Task ParticipationAtAStaleVersionIsRefused()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.RecordParticipationAsync(GalleseId, 25, created.Version, Gallese);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.RecordParticipationAsync(NovoMestoId, 12, created.Version, NovoMesto));
    }

    [Fact]
    public async Task AFormerPartnerKeepsItsParticipationAndMayCorrectIt()
    {
        var created = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.RecordParticipationAsync(HercegNoviId, 12, null, Actor.Municipality(HercegNoviId));
        await _silo.Grains.GetGrain<IProjectGrain>(Shelter).RemovePartnerAsync(HercegNoviId, Actor.Coordinator);

        var corrected = await grain.RecordParticipationAsync(HercegNoviId, 14, null, Actor.Municipality(HercegNoviId));

        Assert.Equal(14, Assert.Single(corrected.Event.Participation).Participants);
        var calendar = await _silo.Index.MunicipalityEventsAsync(HercegNoviId);
        Assert.Equal([created.Event.Id], calendar.Select(e => e.Id));
    }

    [Fact]
    public async Task TheProjectListsItsEventsInDateOrderFromTheIndex()
    {
        var late = await _silo.CreateEventAsync(Shelter, Conference(), Canepina);
        var early = await _silo.CreateEventAsync(Shelter, Conference(GalleseId) with
        {
            Title = "Local event", Kind = EventKind.LocalEvent, StartDate = new DateOnly(2017, 3, 4), EndDate = new DateOnly(2017, 3, 4),
        }, Gallese);
        await _silo.Event(early.Event.Id).CancelAsync(null, null, Gallese);

        var all = await _silo.Index.ProjectEventsAsync(Shelter);
        var standing = await _silo.Index.ProjectEventsAsync(Shelter, includeCancelled: false);

        Assert.Equal([early.Event.Id, late.Event.Id], all.Select(e => e.Id));
        Assert.Equal(EventStatus.Cancelled, all[0].Status);
        Assert.Equal([late.Event.Id], standing.Select(e => e.Id));
    }

    [Fact]
    public async Task EveryChangeIsRecordedInTheNetworksActivity()
    {
        var log = _silo.Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);
        var before = await log.GetLastSequenceAsync();
        var created = await _silo.CreateEventAsync(Shelter, Conference(), NovoMesto);
        var grain = _silo.Event(created.Event.Id);

        await grain.UpdateAsync(Conference() with { Title = "Conference" }, null, Canepina);
        await grain.RecordParticipationAsync(NovoMestoId, 12, null, NovoMesto);
        await grain.CancelAsync(null, null, Actor.Coordinator);

        var records = await log.ReadAsync(before, 10);
        Assert.Equal(
            [
                ("event.created", NovoMestoId), ("event.updated", CanepinaId),
                ("participation.recorded", NovoMestoId), ("event.cancelled", "coordinator"),
            ],
            records.Select(r => (r.Type, r.Actor)));
        Assert.All(records, r => Assert.Equal($"event/{created.Event.Id}", r.Subject));
    }
}
