using System.Text.Json;
using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Network.Support;

namespace Collaboration.Grains.Tests.Network;

public sealed class NetworkMonitorTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(NetworkSilo.Start.UtcDateTime);

    private static ProjectDefinition Project(string acronym, string lead, string[] partners, DateOnly start, DateOnly end) =>
        new(acronym, $"Project {acronym}", Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, null, start, end, lead, partners, [], null);

    private static async Task<NetworkSilo> ShelterAsync()
    {
        var silo = new NetworkSilo();
        await silo.AddMunicipalityAsync("canepina", "IT", "Canepina");
        await silo.AddMunicipalityAsync("gallese", "IT", "Gallese");
        await silo.AddMunicipalityAsync("novo-mesto", "SI", "Novo mesto");
        await silo.AddMunicipalityAsync("kelme", "LT", "Kelmė");
        await silo.Grains.GetGrain<IProjectGrain>("shelter").CreateAsync(
            Project("SHELTER", "canepina", ["canepina", "gallese", "novo-mesto"], Today.AddMonths(-6), Today.AddMonths(6)), Actor.Coordinator);
        await silo.Grains.GetGrain<IProjectGrain>("old").CreateAsync(
            Project("OLD", "kelme", ["kelme", "gallese"], Today.AddYears(-3), Today.AddYears(-2)), Actor.Coordinator);
        return silo;
    }

    private static async Task<string> EventAsync(NetworkSilo silo, string title, DateOnly start, int days = 1, string host = "gallese")
    {
        var id = EventIds.New(silo.Clock.GetUtcNow());
        var details = new EventDetails(title, EventKind.Workshop, host, "Town hall", start, start.AddDays(days - 1), "to exchange good practices");
        await silo.Grains.GetGrain<IEventGrain>(id).CreateAsync("shelter", details, Actor.Coordinator);
        return id;
    }

    private static async Task<string> PostAsync(NetworkSilo silo, string author, ExchangeKind kind)
    {
        var id = ExchangeIds.NewExchangeId();
        await silo.Grains.GetGrain<IExchangeGrain>(id)
            .PostAsync(Actor.Municipality(author), new NewExchange(kind, $"{kind} of {author}", "What we learned.", null, ["integration"]));
        return id;
    }

    private static Task AdoptAsync(NetworkSilo silo, string exchangeId, string adopter, params AdoptionStatus[] steps) =>
        steps.Aggregate(Task.CompletedTask, async (previous, status) =>
        {
            await previous;
            await silo.Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(exchangeId, adopter)).SetStatusAsync(Actor.Municipality(adopter), status, null);
        });

    [Fact]
    public async Task TheSummaryCountsTheNetworkFromItsIndexesAndTheProjection()
    {
        await using var silo = await ShelterAsync();
        var held = await EventAsync(silo, "Local event", Today.AddDays(-30));
        await EventAsync(silo, "Workshop today", Today);
        await EventAsync(silo, "Conference", Today.AddDays(20), days: 5, host: "canepina");
        var cancelled = await EventAsync(silo, "Cancelled visit", Today.AddDays(5));
        var cancelledOld = await EventAsync(silo, "Cancelled long ago", Today.AddDays(-5));
        await silo.Grains.GetGrain<IEventGrain>(held).RecordParticipationAsync("gallese", 25, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(held).RecordParticipationAsync("canepina", 15, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelledOld).RecordParticipationAsync("canepina", 99, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelled).CancelAsync("no venue", null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelledOld).CancelAsync("storm", null, Actor.Coordinator);
        var practice = await PostAsync(silo, "novo-mesto", ExchangeKind.GoodPractice);
        await PostAsync(silo, "canepina", ExchangeKind.GoodPractice);
        await PostAsync(silo, "kelme", ExchangeKind.Question);
        await AdoptAsync(silo, practice, "gallese", AdoptionStatus.Interested, AdoptionStatus.Adapting, AdoptionStatus.Implemented);
        await AdoptAsync(silo, practice, "kelme", AdoptionStatus.Interested);

        var summary = await silo.Monitor.GetSummaryAsync();

        Assert.Equal(4, summary.Partners);
        Assert.Equal(3, summary.Countries);
        Assert.Equal(new ProjectCounts(2, 1), summary.Projects);
        Assert.Equal(new EventCounts(Held: 1, Upcoming: 2), summary.Events);
        Assert.Equal(40, summary.Participants);
        Assert.Equal(2, summary.Exchanges["goodPractice"]);
        Assert.Equal(1, summary.Exchanges["question"]);
        Assert.Equal(0, summary.Exchanges["resource"]);
        Assert.Equal(1, summary.Adoptions["implemented"]);
        Assert.Equal(1, summary.Adoptions["interested"]);
        Assert.Equal(0, summary.AgreementsInForce);
        Assert.Equal(23, summary.LastActivitySeq);
    }

    [Fact]
    public async Task AnsweringActivatesNoneOfTheGrainsItCountsOnlyTheProjection()
    {
        await using var silo = await ShelterAsync();
        silo.Clock.Advance(new Silo.SiloOptions().CollectionAge);
        await silo.Runtime.CollectIdleActivationsAsync();
        Assert.Equal(0, silo.Runtime.ActivationCount);

        await silo.Monitor.GetSummaryAsync();
        await silo.Monitor.GetGraphAsync();
        await silo.Monitor.GetInactiveAsync(90);
        await silo.Monitor.GetUpcomingEventsAsync(10);

        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task AnAgreementCountsAsInForceOnceEveryPartySigned()
    {
        await using var silo = await ShelterAsync();
        var agreement = silo.Grains.GetGrain<IAgreementGrain>("ag-1");
        await agreement.DraftAsync(Actor.Coordinator, new AgreementContent("Cooperation", ["culture"], "We cooperate."), ["canepina", "gallese"]);
        await agreement.SignAsync(Actor.Municipality("canepina"), new AgreementSignature("Mayor of Canepina", "Mayor"));
        Assert.Equal(0, (await silo.Monitor.GetSummaryAsync()).AgreementsInForce);

        await agreement.SignAsync(Actor.Municipality("gallese"), new AgreementSignature("Mayor of Gallese", "Mayor"));

        Assert.Equal(1, (await silo.Monitor.GetSummaryAsync()).AgreementsInForce);
    }

    [Fact]
    public async Task TheGraphTiesPartnersToProjectsAgreementsAndThePracticesTheyAdopt()
    {
        await using var silo = await ShelterAsync();
        await silo.Grains.GetGrain<IAgreementGrain>("ag-1")
            .DraftAsync(Actor.Coordinator, new AgreementContent("Cooperation", ["culture"], "We cooperate."), ["canepina", "novo-mesto"]);
        var practice = await PostAsync(silo, "novo-mesto", ExchangeKind.GoodPractice);
        var lesson = await PostAsync(silo, "novo-mesto", ExchangeKind.LessonLearned);
        await AdoptAsync(silo, practice, "gallese", AdoptionStatus.Implemented);
        await AdoptAsync(silo, lesson, "gallese", AdoptionStatus.Adapting);
        await AdoptAsync(silo, practice, "kelme", AdoptionStatus.Interested, AdoptionStatus.Abandoned);

        var graph = await silo.Monitor.GetGraphAsync();

        Assert.Contains(new GraphNode("municipality/kelme", "municipality", "Kelmė", "LT"), graph.Nodes);
        Assert.Contains(new GraphNode("project/shelter", "project", "SHELTER"), graph.Nodes);
        Assert.Contains(new GraphNode("agreement/ag-1", "agreement", "Cooperation"), graph.Nodes);
        Assert.Equal(7, graph.Nodes.Count);
        string[] expected =
        [
            "municipality/canepina->agreement/ag-1:party",
            "municipality/canepina->project/shelter:lead",
            "municipality/gallese->municipality/novo-mesto:adoption",
            "municipality/gallese->project/old:partner",
            "municipality/gallese->project/shelter:partner",
            "municipality/kelme->project/old:lead",
            "municipality/novo-mesto->agreement/ag-1:party",
            "municipality/novo-mesto->project/shelter:partner",
        ];
        Assert.Equal(expected, graph.Edges.Select(e => $"{e.Source}->{e.Target}:{e.Type}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PartnersGoneQuietAreListedLongestQuietFirst()
    {
        await using var silo = await ShelterAsync();
        var registered = silo.Clock.GetUtcNow();
        silo.Clock.Advance(TimeSpan.FromDays(50));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality("kelme"), "exchange/x1", "Kelmė posted");
        var kelmeActed = silo.Clock.GetUtcNow();
        silo.Clock.Advance(TimeSpan.FromDays(50));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality("gallese"), "exchange/x2", "Gallese posted");

        var quiet = await silo.Monitor.GetInactiveAsync(days: 30);

        Assert.Equal(
            [
                new InactivePartner("canepina", "Canepina", "IT", registered),
                new InactivePartner("novo-mesto", "Novo mesto", "SI", registered),
                new InactivePartner("kelme", "Kelmė", "LT", kelmeActed),
            ],
            quiet);
        Assert.Equal(["canepina", "novo-mesto"], (await silo.Monitor.GetInactiveAsync(days: 90)).Select(p => p.Id));
    }

    [Fact]
    public async Task UpcomingEventsAreTheNextOnesNotCancelledSoonestFirst()
    {
        await using var silo = await ShelterAsync();
        await EventAsync(silo, "Yesterday", Today.AddDays(-1));
        await EventAsync(silo, "Later", Today.AddDays(40));
        var cancelled = await EventAsync(silo, "Cancelled", Today.AddDays(2));
        await silo.Grains.GetGrain<IEventGrain>(cancelled).CancelAsync(null, null, Actor.Coordinator);
        var conference = await EventAsync(silo, "International conference", Today.AddDays(3), days: 5, host: "canepina");
        await EventAsync(silo, "Today", Today);

        var upcoming = await silo.Monitor.GetUpcomingEventsAsync(limit: 2);

        Assert.Equal(["Today", "International conference"], upcoming.Select(e => e.Title));
        Assert.Equal(
            new UpcomingEvent(conference, "shelter", "International conference", EventKind.Workshop, "canepina", "Town hall", Today.AddDays(3), Today.AddDays(7)),
            upcoming[1]);
        Assert.Equal(3, (await silo.Monitor.GetUpcomingEventsAsync(limit: 10)).Count);
    }
}
