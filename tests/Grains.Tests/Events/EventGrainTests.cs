using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Projects;
using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Events;

/// <summary>The rules of events and participation, on the grains themselves.</summary>
public sealed class EventGrainTests : IAsyncLifetime
{
    private static readonly DateOnly ProjectStart = new(2017, 1, 1);
    private static readonly DateOnly ProjectEnd = new(2018, 12, 31);

    private readonly EventsSilo _silo = new();

    private static Actor Canepina => Actor.Municipality("canepina");

    private static Actor Gallese => Actor.Municipality("gallese");

    private static Actor NovoMesto => Actor.Municipality("novo-mesto");

    private static EventDetails Conference(string host = "canepina") => new(
        "International conference",
        EventKind.Conference,
        host,
        "Sala consiliare",
        new DateOnly(2017, 10, 12),
        new DateOnly(2017, 10, 16),
        "to exchange good practices on integration");

    public Task InitializeAsync() =>
        _silo.ProjectAsync("shelter", Measure.NetworkOfTowns, ProjectStart, ProjectEnd,
            ("canepina", "IT"), ("gallese", "IT"), ("novo-mesto", "SI"), ("herceg-novi", "ME"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task APartnerRecordsAnEventHostedByAnotherPartner()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(host: "canepina"), NovoMesto);

        var e = created.Event;
        Assert.StartsWith("ev-", e.Id, StringComparison.Ordinal);
        Assert.Equal("shelter", e.ProjectId);
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
        var created = await _silo.CreateEventAsync("shelter", Conference(), Actor.Coordinator);

        Assert.Equal(EventStatus.Confirmed, created.Event.Status);
    }

    [Fact]
    public async Task ATownOutsideTheProjectMayNotRecordItsEvents()
    {
        await _silo.PartnerAsync("labin", "HR");

        await Assert.ThrowsAsync<ForbiddenException>(() => _silo.CreateEventAsync("shelter", Conference(), Actor.Municipality("labin")));
    }

    [Fact]
    public async Task AnEventOfAnUnknownProjectIsNotFound()
    {
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => _silo.CreateEventAsync("nowhere", Conference(), Actor.Coordinator));

        Assert.Equal("project", error.Resource);
    }

    [Fact]
    public async Task TheHostMustBeAPartnerOfTheProject()
    {
        await _silo.PartnerAsync("labin", "HR");

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync("shelter", Conference(host: "labin"), Actor.Coordinator));

        Assert.Equal(["host"], error.Errors.Keys);
    }

    [Fact]
    public async Task AnEventMustLieWithinTheProject()
    {
        var before = Conference() with { StartDate = new DateOnly(2016, 12, 30), EndDate = new DateOnly(2017, 1, 2) };
        var after = Conference() with { StartDate = new DateOnly(2018, 12, 30), EndDate = new DateOnly(2019, 1, 2) };

        var early = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync("shelter", before, Canepina));
        var late = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync("shelter", after, Canepina));

        Assert.Equal(["startDate"], early.Errors.Keys);
        Assert.Equal(["endDate"], late.Errors.Keys);
    }

    [Fact]
    public async Task AnEventThatEndsBeforeItStartsIsRefused()
    {
        var reversed = Conference() with { StartDate = new DateOnly(2017, 10, 16), EndDate = new DateOnly(2017, 10, 12) };

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => _silo.CreateEventAsync("shelter", reversed, Canepina));

        Assert.Contains("endDate", error.Errors.Keys);
    }

    [Fact]
    public async Task EventsLongPastAreRecordedAfterTheyHappened()
    {
        Assert.True(_silo.Clock.GetUtcNow().Year >= 2026);

        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);

        Assert.Equal(new DateOnly(2017, 10, 12), created.Event.Details.StartDate);
    }

    [Fact]
    public async Task OnlyTheHostOrTheCoordinatorChangesAnEvent()
    {
        // Novo mesto recorded the event, but Canepina hosts it: the creator does not own it.
        var created = await _silo.CreateEventAsync("shelter", Conference(), NovoMesto);
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
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.UpdateAsync(Conference() with { Title = "First" }, created.Version, Canepina);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.UpdateAsync(Conference() with { Title = "Second" }, created.Version, Canepina));

        Assert.Equal("First", (await grain.GetAsync())!.Event.Details.Title);
    }

    [Fact]
    public async Task AnUpdateMayHandTheEventToAnotherPartnerButNotToAnOutsider()
    {
        await _silo.PartnerAsync("labin", "HR");
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        await Assert.ThrowsAsync<DomainValidationException>(() => grain.UpdateAsync(Conference(host: "labin"), null, Canepina));
        var moved = await grain.UpdateAsync(Conference(host: "gallese"), null, Canepina);

        Assert.Equal("gallese", moved.Event.Details.Host);
        await Assert.ThrowsAsync<ForbiddenException>(() => grain.UpdateAsync(Conference(), null, Canepina));
    }

    [Fact]
    public async Task ACancelledEventCannotChangeGetParticipationOrBeCancelledAgain()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        var cancelled = await grain.CancelAsync("Flooding in the region", null, Canepina);

        Assert.Equal(EventStatus.Cancelled, cancelled.Event.Status);
        Assert.Equal(_silo.Clock.GetUtcNow(), cancelled.Event.CancelledAt);
        Assert.Equal("Flooding in the region", cancelled.Event.CancellationReason);
        await Assert.ThrowsAsync<ConflictException>(() => grain.UpdateAsync(Conference(), null, Canepina));
        await Assert.ThrowsAsync<ConflictException>(() => grain.RecordParticipationAsync("gallese", 10, null, Gallese));
        await Assert.ThrowsAsync<ConflictException>(() => grain.CancelAsync(null, null, Actor.Coordinator));
    }

    [Fact]
    public async Task ATownItsHostAndTheCoordinatorRecordItsParticipationButNoOtherPartner()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);

        await grain.RecordParticipationAsync("gallese", 25, null, Gallese);
        await grain.RecordParticipationAsync("novo-mesto", 12, null, Canepina);
        await grain.RecordParticipationAsync("canepina", 40, null, Actor.Coordinator);
        await Assert.ThrowsAsync<ForbiddenException>(() => grain.RecordParticipationAsync("herceg-novi", 12, null, NovoMesto));

        var participation = (await grain.GetAsync())!.Event.Participation;
        Assert.Equal(
            [("canepina", 40, "coordinator"), ("gallese", 25, "gallese"), ("novo-mesto", 12, "canepina")],
            participation.Select(p => (p.MunicipalityId, p.Participants, p.RecordedBy)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(EventGrain.MaxParticipants + 1)]
    [InlineData(int.MaxValue)]
    public async Task NegativeOrAbsurdNumbersOfParticipantsAreRefused(int participants)
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);

        var error = await Assert.ThrowsAsync<DomainValidationException>(
            () => _silo.Event(created.Event.Id).RecordParticipationAsync("gallese", participants, null, Gallese));

        Assert.Equal(["participants"], error.Errors.Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EventGrain.MaxParticipants)]
    public async Task ZeroAndTheLargestDelegationAreAccepted(int participants)
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);

        var recorded = await _silo.Event(created.Event.Id).RecordParticipationAsync("gallese", participants, null, Gallese);

        Assert.Equal(participants, Assert.Single(recorded.Event.Participation).Participants);
    }

    [Fact]
    public async Task OnlyAPartnerOfTheProjectCanHaveParticipation()
    {
        await _silo.PartnerAsync("labin", "HR");
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => _silo.Event(created.Event.Id).RecordParticipationAsync("labin", 5, null, Actor.Coordinator));

        Assert.Equal("labin", error.Id);
    }

    [Fact]
    public async Task RecordingTheSameNumberAgainChangesNothing()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        var first = await grain.RecordParticipationAsync("gallese", 25, null, Gallese);

        var again = await grain.RecordParticipationAsync("gallese", 25, first.Version, Canepina);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal("gallese", Assert.Single(again.Event.Participation).RecordedBy);
    }

    [Fact]
    public async Task ParticipationAtAStaleVersionIsRefused()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.RecordParticipationAsync("gallese", 25, created.Version, Gallese);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.RecordParticipationAsync("novo-mesto", 12, created.Version, NovoMesto));
    }

    [Fact]
    public async Task AFormerPartnerKeepsItsParticipationAndMayCorrectIt()
    {
        var created = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var grain = _silo.Event(created.Event.Id);
        await grain.RecordParticipationAsync("herceg-novi", 12, null, Actor.Municipality("herceg-novi"));
        await _silo.Grains.GetGrain<IProjectGrain>("shelter").RemovePartnerAsync("herceg-novi", Actor.Coordinator);

        var corrected = await grain.RecordParticipationAsync("herceg-novi", 14, null, Actor.Municipality("herceg-novi"));

        Assert.Equal(14, Assert.Single(corrected.Event.Participation).Participants);
        var calendar = await _silo.Index.MunicipalityEventsAsync("herceg-novi");
        Assert.Equal([created.Event.Id], calendar.Select(e => e.Id));
    }

    [Fact]
    public async Task TheProjectListsItsEventsInDateOrderFromTheIndex()
    {
        var late = await _silo.CreateEventAsync("shelter", Conference(), Canepina);
        var early = await _silo.CreateEventAsync("shelter", Conference("gallese") with
        {
            Title = "Local event", Kind = EventKind.LocalEvent, StartDate = new DateOnly(2017, 3, 4), EndDate = new DateOnly(2017, 3, 4),
        }, Gallese);
        await _silo.Event(early.Event.Id).CancelAsync(null, null, Gallese);

        var all = await _silo.Index.ProjectEventsAsync("shelter");
        var standing = await _silo.Index.ProjectEventsAsync("shelter", includeCancelled: false);

        Assert.Equal([early.Event.Id, late.Event.Id], all.Select(e => e.Id));
        Assert.Equal(EventStatus.Cancelled, all[0].Status);
        Assert.Equal([late.Event.Id], standing.Select(e => e.Id));
    }

    [Fact]
    public async Task EveryChangeIsRecordedInTheNetworksActivity()
    {
        var log = _silo.Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);
        var before = await log.GetLastSequenceAsync();
        var created = await _silo.CreateEventAsync("shelter", Conference(), NovoMesto);
        var grain = _silo.Event(created.Event.Id);

        await grain.UpdateAsync(Conference() with { Title = "Conference" }, null, Canepina);
        await grain.RecordParticipationAsync("novo-mesto", 12, null, NovoMesto);
        await grain.CancelAsync(null, null, Actor.Coordinator);

        var records = await log.ReadAsync(before, 10);
        Assert.Equal(
            [
                ("event.created", "novo-mesto"), ("event.updated", "canepina"),
                ("participation.recorded", "novo-mesto"), ("event.cancelled", "coordinator"),
            ],
            records.Select(r => (r.Type, r.Actor)));
        Assert.All(records, r => Assert.Equal($"event/{created.Event.Id}", r.Subject));
    }
}
