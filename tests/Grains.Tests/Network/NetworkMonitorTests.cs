using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Attention;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Network.Support;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Network;

/// <summary>
/// The coordinators' questions about the whole network. On the shared cluster the monitor reads this test's part of
/// the indexes (<see cref="ClusterScope.OwnIndex"/>), so it counts this test's network as if it were alone; the
/// activity log is the cluster's, so its positions count from <see cref="ClusterScope.ActivityBefore"/>.
/// </summary>
[Collection(GrainCluster.Collection)]
public sealed class NetworkMonitorTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(NetworkSilo.Start.UtcDateTime);

    private readonly NetworkSilo _silo = new(cluster);

    private string Canepina => _silo.Id("canepina");

    private string Gallese => _silo.Id("gallese");

    private string NovoMesto => _silo.Id("novo-mesto");

    private string Kelme => _silo.Id("kelme");

    private string Shelter => _silo.Id("shelter");

    private string Old => _silo.Id("old");

    private string Agreement1 => _silo.Id("ag-1");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static ProjectDefinition Project(string acronym, string lead, string[] partners, DateOnly start, DateOnly end) =>
        new(acronym, $"Project {acronym}", Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, null, start, end, lead, partners, [], null);

    private async Task<NetworkSilo> ShelterAsync()
    {
        var silo = _silo;
        await silo.AddMunicipalityAsync(Canepina, "IT", "Canepina");
        await silo.AddMunicipalityAsync(Gallese, "IT", "Gallese");
        await silo.AddMunicipalityAsync(NovoMesto, "SI", "Novo mesto");
        await silo.AddMunicipalityAsync(Kelme, "LT", "Kelmė");
        await silo.Grains.GetGrain<IProjectGrain>(Shelter).CreateAsync(
            Project("SHELTER", Canepina, [Canepina, Gallese, NovoMesto], Today.AddMonths(-6), Today.AddMonths(6)), Actor.Coordinator);
        await silo.Grains.GetGrain<IProjectGrain>(Old).CreateAsync(
            Project("OLD", Kelme, [Kelme, Gallese], Today.AddYears(-3), Today.AddYears(-2)), Actor.Coordinator);
        return silo;
    }

    private async Task<string> EventAsync(NetworkSilo silo, string title, DateOnly start, int days = 1, string? host = null)
    {
        var id = EventIds.New(silo.Clock.GetUtcNow());
        var details = new EventDetails(title, EventKind.Workshop, host ?? Gallese, "Town hall", start, start.AddDays(days - 1), "to exchange good practices");
        await silo.Grains.GetGrain<IEventGrain>(id).CreateAsync(Shelter, details, Actor.Coordinator);
        return id;
    }

    private static async Task<string> PostAsync(NetworkSilo silo, string author, ExchangeKind kind, params string[] themes)
    {
        var id = ExchangeIds.NewExchangeId();
        await silo.Grains.GetGrain<IExchangeGrain>(id)
            .PostAsync(Actor.Municipality(author), new NewExchange(kind, $"{kind} of {author}", "What we learned.", null, themes.Length == 0 ? ["integration"] : themes));
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
        var silo = await ShelterAsync();
        var held = await EventAsync(silo, "Local event", Today.AddDays(-30));
        await EventAsync(silo, "Workshop today", Today);
        await EventAsync(silo, "Conference", Today.AddDays(20), days: 5, host: Canepina);
        var cancelled = await EventAsync(silo, "Cancelled visit", Today.AddDays(5));
        var cancelledOld = await EventAsync(silo, "Cancelled long ago", Today.AddDays(-5));
        await silo.Grains.GetGrain<IEventGrain>(held).RecordParticipationAsync(Gallese, 25, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(held).RecordParticipationAsync(Canepina, 15, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelledOld).RecordParticipationAsync(Canepina, 99, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelled).CancelAsync("no venue", null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelledOld).CancelAsync("storm", null, Actor.Coordinator);
        var practice = await PostAsync(silo, NovoMesto, ExchangeKind.GoodPractice);
        await PostAsync(silo, Canepina, ExchangeKind.GoodPractice);
        await PostAsync(silo, Kelme, ExchangeKind.Question);
        await AdoptAsync(silo, practice, Gallese, AdoptionStatus.Interested, AdoptionStatus.Adapting, AdoptionStatus.Implemented);
        await AdoptAsync(silo, practice, Kelme, AdoptionStatus.Interested);

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
        Assert.Equal(silo.ActivityBefore + 23, summary.LastActivitySeq);
    }

    [Fact]
    public async Task AnsweringActivatesNoneOfTheGrainsItCountsOnlyTheProjection()
    {
        var silo = await ShelterAsync();

        // The attention router follows the same log (inboxes, alerts): let it finish before everything is collected.
        await silo.Cluster.Grains.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).CatchUpAsync();
        await silo.Cluster.CollectEverythingAsync();

        // The silo's projection pump may wake the projection at any time; nothing else runs.
        Assert.All(await silo.Cluster.ActiveGrainTypesAsync(), type => Assert.Equal("network-projection", type));

        await silo.Monitor.GetSummaryAsync();
        await silo.Monitor.GetGraphAsync();
        await silo.Monitor.GetStatisticsAsync();
        await silo.Monitor.GetInactiveAsync(90);
        await silo.Monitor.GetUpcomingEventsAsync(10);

        // The projection, and the stateless worker through which every index query reaches the storage.
        Assert.Equal(["index-query", "network-projection"], await silo.Cluster.ActiveGrainTypesAsync());
    }

    [Fact]
    public async Task TheStatisticsCountEventsAndParticipantsPerMonthAndCountryAndExchangesPerTheme()
    {
        var silo = await ShelterAsync();
        var march = await EventAsync(silo, "Opening", new DateOnly(2017, 5, 20), days: 3);
        var june = await EventAsync(silo, "Workshop", new DateOnly(2017, 8, 2));
        await EventAsync(silo, "Another workshop", new DateOnly(2017, 8, 28));
        var cancelled = await EventAsync(silo, "Cancelled in July", new DateOnly(2017, 7, 10));
        await silo.Grains.GetGrain<IEventGrain>(march).RecordParticipationAsync(Gallese, 25, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(march).RecordParticipationAsync(Canepina, 15, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(march).RecordParticipationAsync(NovoMesto, 7, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(june).RecordParticipationAsync(NovoMesto, 4, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelled).RecordParticipationAsync(Canepina, 99, null, Actor.Coordinator);
        await silo.Grains.GetGrain<IEventGrain>(cancelled).CancelAsync("no venue", null, Actor.Coordinator);
        await PostAsync(silo, NovoMesto, ExchangeKind.GoodPractice, "integration", "Youth");
        await PostAsync(silo, Canepina, ExchangeKind.Question, "youth ");
        await PostAsync(silo, Kelme, ExchangeKind.Resource, "culture");

        var statistics = await silo.Monitor.GetStatisticsAsync();

        Assert.Equal(
            [
                new MonthFigures("2017-05", 1, 47),
                new MonthFigures("2017-06", 0, 0),
                new MonthFigures("2017-07", 0, 0),
                new MonthFigures("2017-08", 2, 4),
            ],
            statistics.Months);
        Assert.Equal(new Dictionary<string, long> { ["IT"] = 40, ["SI"] = 11 }, statistics.ParticipantsByCountry);
        Assert.Equal(new Dictionary<string, long> { ["IT"] = 2, ["LT"] = 1, ["SI"] = 1 }, statistics.PartnersByCountry);
        Assert.Equal(new Dictionary<string, long> { ["culture"] = 1, ["integration"] = 1, ["youth"] = 2 }, statistics.ExchangesByTheme);
        Assert.Equal(silo.Clock.GetUtcNow(), statistics.AsOf);
        Assert.Equal([Canepina, Gallese, Kelme, NovoMesto], statistics.LastActivity.Keys.Order(StringComparer.Ordinal));
        Assert.All(statistics.LastActivity.Values, at => Assert.Equal(silo.Clock.GetUtcNow(), at));
    }

    [Fact]
    public async Task AnEmptyNetworkHasNoMonthsAndNoCounts()
    {
        var statistics = await _silo.Monitor.GetStatisticsAsync();

        Assert.Empty(statistics.Months);
        Assert.Empty(statistics.PartnersByCountry);
        Assert.Empty(statistics.ParticipantsByCountry);
        Assert.Empty(statistics.ExchangesByTheme);
        Assert.Empty(statistics.LastActivity);
    }

    [Fact]
    public async Task AnAgreementCountsAsInForceOnceEveryPartySigned()
    {
        var silo = await ShelterAsync();
        var agreement = silo.Grains.GetGrain<IAgreementGrain>(Agreement1);
        await agreement.DraftAsync(Actor.Coordinator, new AgreementContent("Cooperation", ["culture"], "We cooperate."), [Canepina, Gallese]);
        await agreement.SignAsync(Actor.Municipality(Canepina), new AgreementSignature("Mayor of Canepina", "Mayor"));
        Assert.Equal(0, (await silo.Monitor.GetSummaryAsync()).AgreementsInForce);

        await agreement.SignAsync(Actor.Municipality(Gallese), new AgreementSignature("Mayor of Gallese", "Mayor"));

        Assert.Equal(1, (await silo.Monitor.GetSummaryAsync()).AgreementsInForce);
    }

    [Fact]
    public async Task TheGraphTiesPartnersToProjectsAgreementsAndThePracticesTheyAdopt()
    {
        var silo = await ShelterAsync();
        await silo.Grains.GetGrain<IAgreementGrain>(Agreement1)
            .DraftAsync(Actor.Coordinator, new AgreementContent("Cooperation", ["culture"], "We cooperate."), [Canepina, NovoMesto]);
        var practice = await PostAsync(silo, NovoMesto, ExchangeKind.GoodPractice);
        var lesson = await PostAsync(silo, NovoMesto, ExchangeKind.LessonLearned);
        await AdoptAsync(silo, practice, Gallese, AdoptionStatus.Implemented);
        await AdoptAsync(silo, lesson, Gallese, AdoptionStatus.Adapting);
        await AdoptAsync(silo, practice, Kelme, AdoptionStatus.Interested, AdoptionStatus.Abandoned);

        var graph = await silo.Monitor.GetGraphAsync();

        Assert.Contains(new GraphNode($"municipality/{Kelme}", "municipality", "Kelmė", "LT"), graph.Nodes);
        Assert.Contains(new GraphNode($"project/{Shelter}", "project", "SHELTER"), graph.Nodes);
        Assert.Contains(new GraphNode($"agreement/{Agreement1}", "agreement", "Cooperation"), graph.Nodes);
        Assert.Equal(7, graph.Nodes.Count);
        string[] expected =
        [
            $"municipality/{Canepina}->agreement/{Agreement1}:party",
            $"municipality/{Canepina}->project/{Shelter}:lead",
            $"municipality/{Gallese}->municipality/{NovoMesto}:adoption",
            $"municipality/{Gallese}->project/{Old}:partner",
            $"municipality/{Gallese}->project/{Shelter}:partner",
            $"municipality/{Kelme}->project/{Old}:lead",
            $"municipality/{NovoMesto}->agreement/{Agreement1}:party",
            $"municipality/{NovoMesto}->project/{Shelter}:partner",
        ];
        Assert.Equal(expected, graph.Edges.Select(e => $"{e.Source}->{e.Target}:{e.Type}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PartnersGoneQuietAreListedLongestQuietFirst()
    {
        var silo = await ShelterAsync();
        var registered = silo.Clock.GetUtcNow();
        silo.Clock.Advance(TimeSpan.FromDays(50));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality(Kelme), "exchange/x1", "Kelmė posted");
        var kelmeActed = silo.Clock.GetUtcNow();
        silo.Clock.Advance(TimeSpan.FromDays(50));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality(Gallese), "exchange/x2", "Gallese posted");

        var quiet = await silo.Monitor.GetInactiveAsync(days: 30);

        Assert.Equal(
            [
                new InactivePartner(Canepina, "Canepina", "IT", registered),
                new InactivePartner(NovoMesto, "Novo mesto", "SI", registered),
                new InactivePartner(Kelme, "Kelmė", "LT", kelmeActed),
            ],
            quiet);
        Assert.Equal([Canepina, NovoMesto], (await silo.Monitor.GetInactiveAsync(days: 90)).Select(p => p.Id));
    }

    [Fact]
    public async Task UpcomingEventsAreTheNextOnesNotCancelledSoonestFirst()
    {
        var silo = await ShelterAsync();
        await EventAsync(silo, "Yesterday", Today.AddDays(-1));
        await EventAsync(silo, "Later", Today.AddDays(40));
        var cancelled = await EventAsync(silo, "Cancelled", Today.AddDays(2));
        await silo.Grains.GetGrain<IEventGrain>(cancelled).CancelAsync(null, null, Actor.Coordinator);
        var conference = await EventAsync(silo, "International conference", Today.AddDays(3), days: 5, host: Canepina);
        await EventAsync(silo, "Today", Today);

        var upcoming = await silo.Monitor.GetUpcomingEventsAsync(limit: 2);

        Assert.Equal(["Today", "International conference"], upcoming.Select(e => e.Title));
        Assert.Equal(
            new UpcomingEvent(conference, Shelter, "International conference", EventKind.Workshop, Canepina, "Town hall", Today.AddDays(3), Today.AddDays(7)),
            upcoming[1]);
        Assert.Equal(3, (await silo.Monitor.GetUpcomingEventsAsync(limit: 10)).Count);
    }
}
