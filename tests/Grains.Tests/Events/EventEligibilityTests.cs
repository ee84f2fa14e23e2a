using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Tests.Events;

/// <summary>The project's eligibility computed from its recorded events, per the rulebook.</summary>
public sealed class EventEligibilityTests : IAsyncLifetime
{
    private readonly EventsSilo _silo = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static EventDetails Event(string host, DateOnly start, int days, string title = "Workshop") =>
        new(title, EventKind.Workshop, host, "Town hall", start, start.AddDays(days - 1), "to learn from each other");

    private async Task<RuleOutcome> RuleAsync(string projectId, string code) =>
        (await _silo.Grains.GetGrain<IProjectGrain>(projectId).GetEligibilityAsync()).Rules.Single(r => r.Code == code);

    [Fact]
    public async Task ANetworkOfTownsMeetsMinEventsOnlyWithFourStandingEvents()
    {
        await _silo.ProjectAsync("net", Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            ("net-it", "IT"), ("net-si", "SI"), ("net-me", "ME"), ("net-lt", "LT"));
        Assert.False((await RuleAsync("net", RuleCodes.MinEvents)).Satisfied);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await _silo.CreateEventAsync("net", Event("net-it", new DateOnly(2017, 2 + i, 1), 3), Actor.Coordinator)).Event.Id);
        }

        var met = await RuleAsync("net", RuleCodes.MinEvents);
        await _silo.Event(ids[0]).CancelAsync(null, null, Actor.Coordinator);
        var cancelledOne = await RuleAsync("net", RuleCodes.MinEvents);

        Assert.True(met.Satisfied, met.Detail);
        Assert.False(cancelledOne.Satisfied, cancelledOne.Detail);
        Assert.Contains("3 events", cancelledOne.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EligibilityFollowsAPartnerWhoseCountryChanges()
    {
        await _silo.ProjectAsync("moved", Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            ("moved-it", "IT"), ("moved-si", "SI"), ("moved-me", "ME"), ("moved-lt", "LT"));
        var fourCountries = await RuleAsync("moved", RuleCodes.MinCountries);

        var partner = _silo.Grains.GetGrain<IMunicipalityGrain>("moved-lt");
        var profile = (await partner.GetAsync())!.Profile;
        await partner.UpdateProfileAsync(profile with { Country = "IT" }, null, Actor.Coordinator);
        var threeCountries = await RuleAsync("moved", RuleCodes.MinCountries);

        Assert.True(fourCountries.Satisfied, fourCountries.Detail);
        Assert.False(threeCountries.Satisfied, threeCountries.Detail);
    }

    [Fact]
    public async Task MaxEventDaysIsJudgedOnTheRecordedDatesAndFollowsUpdates()
    {
        await _silo.ProjectAsync("long", Measure.NetworkOfTowns, new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31),
            ("long-it", "IT"), ("long-si", "SI"));
        var created = await _silo.CreateEventAsync("long", Event("long-si", new DateOnly(2017, 5, 1), 21), Actor.Municipality("long-si"));
        var within = await RuleAsync("long", RuleCodes.MaxEventDays);

        await _silo.Event(created.Event.Id).UpdateAsync(Event("long-si", new DateOnly(2017, 5, 1), 22), null, Actor.Municipality("long-si"));
        var exceeded = await RuleAsync("long", RuleCodes.MaxEventDays);

        Assert.True(within.Satisfied, within.Detail);
        Assert.False(exceeded.Satisfied, exceeded.Detail);
        Assert.Contains(created.Event.Id, exceeded.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TownTwinningCountsOnlyInvitedParticipantsTowardsTwentyFive()
    {
        await _silo.ProjectAsync("twin", Measure.TownTwinning, new DateOnly(2018, 4, 1), new DateOnly(2018, 9, 30),
            ("twin-si", "SI"), ("twin-hr", "HR"), ("twin-at", "AT"));
        var meeting = (await _silo.CreateEventAsync("twin", Event("twin-si", new DateOnly(2018, 6, 8), 3), Actor.Municipality("twin-si"))).Event.Id;
        var grain = _silo.Event(meeting);

        // The host's 80 are local: they do not count.
        await grain.RecordParticipationAsync("twin-si", 80, null, Actor.Municipality("twin-si"));
        await grain.RecordParticipationAsync("twin-hr", 14, null, Actor.Municipality("twin-hr"));
        var short1 = await RuleAsync("twin", RuleCodes.MinInvitedParticipants);
        await grain.RecordParticipationAsync("twin-at", 11, null, Actor.Municipality("twin-at"));
        var met = await RuleAsync("twin", RuleCodes.MinInvitedParticipants);

        Assert.False(short1.Satisfied, short1.Detail);
        Assert.Contains("14 invited participants", short1.Detail, StringComparison.Ordinal);
        Assert.True(met.Satisfied, met.Detail);
        Assert.Contains("25 invited participants", met.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandingTheEventToAnotherHostTurnsItsLocalParticipantsIntoInvitedOnes()
    {
        await _silo.ProjectAsync("swap", Measure.TownTwinning, new DateOnly(2018, 4, 1), new DateOnly(2018, 9, 30),
            ("swap-si", "SI"), ("swap-hr", "HR"));
        var created = await _silo.CreateEventAsync("swap", Event("swap-si", new DateOnly(2018, 6, 8), 2), Actor.Coordinator);
        await _silo.Event(created.Event.Id).RecordParticipationAsync("swap-si", 30, null, Actor.Coordinator);
        var hostedBySi = await RuleAsync("swap", RuleCodes.MinInvitedParticipants);

        await _silo.Event(created.Event.Id).UpdateAsync(Event("swap-hr", new DateOnly(2018, 6, 8), 2), null, Actor.Coordinator);
        var hostedByHr = await RuleAsync("swap", RuleCodes.MinInvitedParticipants);

        Assert.False(hostedBySi.Satisfied, hostedBySi.Detail);
        Assert.True(hostedByHr.Satisfied, hostedByHr.Detail);
    }

    [Fact]
    public async Task CervActivityCountriesAreTheHostsCountries()
    {
        await _silo.PartnerAsync("cerv-it", "IT");
        await _silo.PartnerAsync("cerv-si", "SI");
        var definition = new ProjectDefinition("CERV", "Towns", Programme.Cerv, Measure.NetworkOfTowns, 2025, null,
            new DateOnly(2025, 3, 1), new DateOnly(2026, 8, 31), "cerv-it", ["cerv-it", "cerv-si"], [], null);
        await _silo.Grains.GetGrain<IProjectGrain>("cerv").CreateAsync(definition, Actor.Coordinator);
        await _silo.CreateEventAsync("cerv", Event("cerv-it", new DateOnly(2025, 4, 1), 2), Actor.Coordinator);
        var oneCountry = await RuleAsync("cerv", RuleCodes.MinActivityCountries);

        await _silo.CreateEventAsync("cerv", Event("cerv-si", new DateOnly(2025, 9, 1), 2), Actor.Coordinator);
        var twoCountries = await RuleAsync("cerv", RuleCodes.MinActivityCountries);

        Assert.False(oneCountry.Satisfied, oneCountry.Detail);
        Assert.True(twoCountries.Satisfied, twoCountries.Detail);
        Assert.Contains("IT, SI", twoCountries.Detail, StringComparison.Ordinal);
    }
}
