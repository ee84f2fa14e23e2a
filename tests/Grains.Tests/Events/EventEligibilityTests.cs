using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Events;

/// <summary>The project's eligibility computed from its recorded events, per the rulebook.</summary>
[Collection(GrainCluster.Collection)]
public sealed class EventEligibilityTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly EventsSilo _silo = new(cluster);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private string Id(string name) => _silo.Id(name);

    private static EventDetails Event(string host, DateOnly start, int days, string title = "Workshop") =>
        new(title, EventKind.Workshop, host, "Town hall", start, start.AddDays(days - 1), "to learn from each other");

    private async Task<RuleOutcome> RuleAsync(string projectId, string code) =>
        (await _silo.Grains.GetGrain<IProjectGrain>(projectId).GetEligibilityAsync()).Rules.Single(r => r.Code == code);

    [Fact]
    public async Task ANetworkOfTownsMeetsMinEventsOnlyWithFourStandingEvents()
    {
        await _silo.ProjectAsync(Id("net"), Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            (Id("net-it"), "IT"), (Id("net-si"), "SI"), (Id("net-me"), "ME"), (Id("net-lt"), "LT"));
        Assert.False((await RuleAsync(Id("net"), RuleCodes.MinEvents)).Satisfied);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await _silo.CreateEventAsync(Id("net"), Event(Id("net-it"), new DateOnly(2017, 2 + i, 1), 3), Actor.Coordinator)).Event.Id);
        }

        var met = await RuleAsync(Id("net"), RuleCodes.MinEvents);
        await _silo.Event(ids[0]).CancelAsync(null, null, Actor.Coordinator);
        var cancelledOne = await RuleAsync(Id("net"), RuleCodes.MinEvents);

        Assert.True(met.Satisfied, met.Detail);
        Assert.False(cancelledOne.Satisfied, cancelledOne.Detail);
        Assert.Contains("3 events", cancelledOne.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EligibilityFollowsAPartnerWhoseCountryChanges()
    {
        await _silo.ProjectAsync(Id("moved"), Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            (Id("moved-it"), "IT"), (Id("moved-si"), "SI"), (Id("moved-me"), "ME"), (Id("moved-lt"), "LT"));
        var fourCountries = await RuleAsync(Id("moved"), RuleCodes.MinCountries);

        var partner = _silo.Grains.GetGrain<IMunicipalityGrain>(Id("moved-lt"));
        var profile = (await partner.GetAsync())!.Profile;
        await partner.UpdateProfileAsync(profile with { Country = "IT" }, null, Actor.Coordinator);
        var threeCountries = await RuleAsync(Id("moved"), RuleCodes.MinCountries);

        Assert.True(fourCountries.Satisfied, fourCountries.Detail);
        Assert.False(threeCountries.Satisfied, threeCountries.Detail);
    }

    [Fact]
    public async Task MaxEventDaysIsJudgedOnTheRecordedDatesAndFollowsUpdates()
    {
        await _silo.ProjectAsync(Id("long"), Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            (Id("long-it"), "IT"), (Id("long-si"), "SI"));
        var created = await _silo.CreateEventAsync(Id("long"), Event(Id("long-si"), new DateOnly(2017, 5, 1), 21), Actor.Municipality(Id("long-si")));
        var within = await RuleAsync(Id("long"), RuleCodes.MaxEventDays);

        await _silo.Event(created.Event.Id).UpdateAsync(Event(Id("long-si"), new DateOnly(2017, 5, 1), 22), null, Actor.Municipality(Id("long-si")));
        var exceeded = await RuleAsync(Id("long"), RuleCodes.MaxEventDays);

        Assert.True(within.Satisfied, within.Detail);
        Assert.False(exceeded.Satisfied, exceeded.Detail);
        Assert.Contains(created.Event.Id, exceeded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownTwinningCountsOnlyInvitedParticipantsTowardsTwentyFive()
    {
        await _silo.ProjectAsync(Id("twin"), Measure.TownTwinning, new DateOnly(2018, 4, 1), new DateOnly(2018, 9, 30),
            (Id("twin-si"), "SI"), (Id("twin-hr"), "HR"), (Id("twin-at"), "AT"));
        var meeting = (await _silo.CreateEventAsync(Id("twin"), Event(Id("twin-si"), new DateOnly(2018, 6, 8), 3), Actor.Municipality(Id("twin-si")))).Event.Id;
        var grain = _silo.Event(meeting);

        // The host's 80 are local: they do not count.
        await grain.RecordParticipationAsync(Id("twin-si"), 80, null, Actor.Municipality(Id("twin-si")));
        await grain.RecordParticipationAsync(Id("twin-hr"), 14, null, Actor.Municipality(Id("twin-hr")));
        var short1 = await RuleAsync(Id("twin"), RuleCodes.MinInvitedParticipants);
        await grain.RecordParticipationAsync(Id("twin-at"), 11, null, Actor.Municipality(Id("twin-at")));
        var met = await RuleAsync(Id("twin"), RuleCodes.MinInvitedParticipants);

        Assert.False(short1.Satisfied, short1.Detail);
        Assert.Contains("14 invited participants", short1.Detail, StringComparison.Ordinal);
        Assert.True(met.Satisfied, met.Detail);
        Assert.Contains("25 invited participants", met.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandingTheEventToAnotherHostTurnsItsLocalParticipantsIntoInvitedOnes()
    {
        await _silo.ProjectAsync(Id("swap"), Measure.TownTwinning, new DateOnly(2018, 4, 1), new DateOnly(2018, 9, 30),
            (Id("swap-si"), "SI"), (Id("swap-hr"), "HR"));
        var created = await _silo.CreateEventAsync(Id("swap"), Event(Id("swap-si"), new DateOnly(2018, 6, 8), 2), Actor.Coordinator);
        await _silo.Event(created.Event.Id).RecordParticipationAsync(Id("swap-si"), 30, null, Actor.Coordinator);
        var hostedBySi = await RuleAsync(Id("swap"), RuleCodes.MinInvitedParticipants);

        await _silo.Event(created.Event.Id).UpdateAsync(Event(Id("swap-hr"), new DateOnly(2018, 6, 8), 2), null, Actor.Coordinator);
        var hostedByHr = await RuleAsync(Id("swap"), RuleCodes.MinInvitedParticipants);

        Assert.False(hostedBySi.Satisfied, hostedBySi.Detail);
        Assert.True(hostedByHr.Satisfied, hostedByHr.Detail);
    }

    [Fact]
    public async Task CervActivityCountriesAreTheHostsCountries()
    {
        await _silo.PartnerAsync(Id("cerv-it"), "IT");
        await _silo.PartnerAsync(Id("cerv-si"), "SI");
        var definition = new ProjectDefinition("CERV", "Towns", Programme.Cerv, Measure.NetworkOfTowns, 2025, null,
            new DateOnly(2025, 3, 1), new DateOnly(2026, 8, 31), Id("cerv-it"), [Id("cerv-it"), Id("cerv-si")], [], null);
        await _silo.Grains.GetGrain<IProjectGrain>(Id("cerv")).CreateAsync(definition, Actor.Coordinator);
        await _silo.CreateEventAsync(Id("cerv"), Event(Id("cerv-it"), new DateOnly(2025, 4, 1), 2), Actor.Coordinator);
        var oneCountry = await RuleAsync(Id("cerv"), RuleCodes.MinActivityCountries);

        await _silo.CreateEventAsync(Id("cerv"), Event(Id("cerv-si"), new DateOnly(2025, 9, 1), 2), Actor.Coordinator);
        var twoCountries = await RuleAsync(Id("cerv"), RuleCodes.MinActivityCountries);

        Assert.False(oneCountry.Satisfied, oneCountry.Detail);
        Assert.True(twoCountries.Satisfied, twoCountries.Detail);
        Assert.Contains("IT, SI", twoCountries.Detail, StringComparison.Ordinal);
    }
}
