using System.Text.Json;
using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Alerts;
using Collaboration.Grains.Attention;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Inbox;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Operations;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Tests.Support;
using Collaboration.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Collaboration.Grains.Tests.Cluster;

/// <summary>
/// Every method of every grain interface (and the observer interface) is called through the cluster client, so each
/// of its arguments, results and errors has a serializer: a missing one would fail the call (CodecNotFoundException).
/// A grain interface added without a scenario here fails its case.
/// </summary>
[Collection(GrainCluster.Collection)]
public sealed class GrainInterfacesThroughTheClientTests(GrainCluster cluster) : IAsyncLifetime
{
    private static readonly TimeSpan SignalTimeout = GrainCluster.ResponseTimeout;

    private readonly ClusterScope _scope = new(cluster, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));

    public static TheoryData<string> Interfaces => new(InterfacesOfTheGrains().Select(t => t.Name));

    private IGrainFactory Grains => _scope.Cluster.Client;

    private string Kelme => _scope.Id("kelme");

    private string Gallese => _scope.Id("gallese");

    private string Labin => _scope.Id("labin");

    private string Shelter => _scope.Id("shelter");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task EveryMethodOfTheInterfaceCanBeCalledThroughTheClient(string name)
    {
        var grainInterface = InterfacesOfTheGrains().Single(t => t.Name == name);
        var scenarios = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
        {
            [nameof(IApiKeyGrain)] = ApiKeyAsync,
            [nameof(ICoordinatorCredentialGrain)] = CoordinatorCredentialAsync,
            [nameof(IActivityLogGrain)] = ActivityLogAsync,
            [nameof(IActivityObserver)] = ActivityLogAsync,
            [nameof(IAgreementGrain)] = AgreementAsync,
            [nameof(IEventGrain)] = EventAsync,
            [nameof(IAdoptionGrain)] = AdoptionAsync,
            [nameof(IExchangeGrain)] = ExchangeAsync,
            [nameof(IReplyGrain)] = ReplyAsync,
            [nameof(IIdempotencyGrain)] = IdempotencyAsync,
            [nameof(IIdempotencyJanitorGrain)] = IdempotencyJanitorAsync,
            [nameof(IMunicipalityGrain)] = MunicipalityAsync,
            [nameof(INetworkProjectionGrain)] = NetworkProjectionAsync,
            [nameof(IProjectGrain)] = ProjectAsync,
            [nameof(IIndexQueryGrain)] = IndexQueryAsync,
            [nameof(IExchangeQueryGrain)] = ExchangeQueryAsync,
            [nameof(INetworkQueryGrain)] = NetworkQueryAsync,
            [nameof(IReportQueryGrain)] = ReportQueryAsync,
            [nameof(IStorageHealthGrain)] = StorageHealthAsync,
            [nameof(IClusterStatusGrain)] = ClusterStatusAsync,
            [nameof(IAttentionRouterGrain)] = AttentionRouterAsync,
            [nameof(IInboxGrain)] = InboxAsync,
            [nameof(IAlertWatchGrain)] = AlertWatchAsync,
            [nameof(IWebhookOwnerGrain)] = WebhookOwnerAsync,
            [nameof(IWebhookGrain)] = WebhookAsync,
        };
        Assert.True(scenarios.ContainsKey(name), $"{name} has no scenario here: add one that calls each of its methods.");

        using var calls = _scope.Cluster.ClientCalls.Start();
        await scenarios[name]();

        if (!typeof(IGrainObserver).IsAssignableFrom(grainInterface))
        {
            // An observer's methods are called by the silo, not by the client; its scenario waits for the call instead.
            var methods = grainInterface.GetMethods().Where(m => !m.IsStatic).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(methods, calls.MethodsOf(grainInterface));
        }
    }

    private static IEnumerable<Type> InterfacesOfTheGrains() =>
        typeof(IAgreementGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && (typeof(IGrain).IsAssignableFrom(t) || typeof(IGrainObserver).IsAssignableFrom(t)))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private async Task ApiKeyAsync()
    {
        var key = Grains.GetGrain<IApiKeyGrain>(_scope.Id("key-hash"));

        await key.BindAsync(Kelme);
        var bound = await key.GetMunicipalityAsync();
        await key.RevokeAsync();

        Assert.Equal(Kelme, bound);
        Assert.Null(await key.GetMunicipalityAsync());
    }

    private async Task CoordinatorCredentialAsync()
    {
        // Under a key of this test's own, not the network's one credential.
        var credential = Grains.GetGrain<ICoordinatorCredentialGrain>(_scope.Id(ICoordinatorCredentialGrain.Key));

        Assert.Null(await credential.GetKeyHashAsync());
        Assert.Equal("first-hash", await credential.InitializeAsync("first-hash"));
        Assert.Equal("first-hash", await credential.InitializeAsync("second-hash"));
        Assert.Equal("first-hash", await credential.GetKeyHashAsync());
    }

    private async Task ActivityLogAsync()
    {
        var log = Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);
        var subject = $"test/{_scope.Tag}";
        var observer = new ActivityObserver(subject);
        var reference = _scope.Cluster.Client.CreateObjectReference<IActivityObserver>(observer);
        try
        {
            await log.SubscribeAsync(reference);
            var appended = await log.AppendAsync(new ActivityEntry("test.called", Kelme, subject, "Called through the client"));

            Assert.Equal(appended, await observer.Received.Task.WaitAsync(SignalTimeout));
            Assert.Equal(appended.Seq, await log.GetLastSequenceAsync());
            Assert.Equal([appended], await log.ReadAsync(appended.Seq - 1, 10));

            // A state committed with its record; the same write again expects no state, finds one, and logs nothing.
            var state = new StateWrite("test-state", _scope.Id("state"), "test", "{}"u8.ToArray(), null, []);
            var written = await log.AppendWithStateAsync(new ActivityEntry("test.written", Kelme, subject, "Written through the client"), state);
            Assert.NotNull(written.ETag);
            Assert.Equal(written.Record, (await log.ReadAsync(written.Record.Seq - 1, 1)).Single());
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => log.AppendWithStateAsync(new ActivityEntry("test.refused", Kelme, subject, "Refused"), state));
            Assert.DoesNotContain(await log.ReadAsync(written.Record.Seq, 1000), r => r.Subject == subject);
            await log.UnsubscribeAsync(reference);
        }
        finally
        {
            _scope.Cluster.Client.DeleteObjectReference<IActivityObserver>(reference);
        }
    }

    private async Task AgreementAsync()
    {
        await MunicipalitiesAsync(Kelme, Gallese, Labin);
        var agreement = Grains.GetGrain<IAgreementGrain>(AgreementIds.New());
        var content = new AgreementContent("Cooperation", ["culture"], "We cooperate.");

        await agreement.DraftAsync(Actor.Municipality(Kelme), content, [Kelme, Gallese]);
        await agreement.SignAsync(Actor.Municipality(Kelme), new AgreementSignature("Mayor of Kelmė", "Mayor"));
        await agreement.AmendAsync(Actor.Municipality(Gallese), content with { Title = "Cooperation and friendship" }, expectedVersion: null);
        await agreement.AccedeAsync(Actor.Coordinator, Labin);
        await agreement.WithdrawAsync(Actor.Municipality(Labin), Labin);
        var read = await agreement.GetAsync();
        var history = await agreement.GetHistoryAsync(0, 100);

        Assert.Equal("Cooperation and friendship", read.Title);
        Assert.Equal(
            [AgreementEventTypes.Drafted, AgreementEventTypes.Signed, AgreementEventTypes.Amended, AgreementEventTypes.PartyJoined, AgreementEventTypes.PartyWithdrew],
            history.Select(e => e.Type));
    }

    private async Task EventAsync()
    {
        await ProjectOfKelmeAndGalleseAsync();
        var grain = Grains.GetGrain<IEventGrain>(EventIds.New(_scope.Clock.GetUtcNow()));
        var details = new EventDetails("Workshop", EventKind.Workshop, Kelme, "Town hall", new DateOnly(2017, 5, 4), new DateOnly(2017, 5, 5), "to learn");

        var created = await grain.CreateAsync(Shelter, details, Actor.Coordinator);
        var updated = await grain.UpdateAsync(details with { Place = "Library" }, created.Version, Actor.Coordinator);
        await grain.RecordParticipationAsync(Gallese, 12, updated.Version, Actor.Municipality(Gallese));
        var cancelled = await grain.CancelAsync("storm", null, Actor.Coordinator);
        var read = await grain.GetAsync();

        Assert.Equal(EventStatus.Cancelled, cancelled.Event.Status);
        Assert.Equal(("Library", 12), (read!.Event.Details.Place, Assert.Single(read.Event.Participation).Participants));
    }

    private async Task AdoptionAsync()
    {
        var practice = await PostAsync();
        var adoption = Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(practice.Id, Gallese));

        var set = await adoption.SetStatusAsync(Actor.Municipality(Gallese), AdoptionStatus.Adapting, "Translating it.");

        Assert.Equal(set.Version, (await adoption.GetAsync())!.Version);
        Assert.Equal(AdoptionStatus.Adapting, set.Adoption.Status);
    }

    private async Task ExchangeAsync()
    {
        var posted = await PostAsync();

        var grain = Grains.GetGrain<IExchangeGrain>(posted.Id);

        var read = await grain.GetAsync();
        var draft = new NewExchange(posted.Kind, "Edited title", posted.Summary, posted.Body, posted.Themes, posted.ProjectId, posted.Language);
        var edited = await grain.EditAsync(Actor.Municipality(Kelme), draft, posted.Revision);
        var withdrawn = await grain.WithdrawAsync(Actor.Coordinator);

        Assert.Equal((posted.Id, posted.Title, Kelme), (read!.Id, read.Title, read.Author));
        Assert.Equal(("Edited title", 1), (edited.Title, edited.Revision));
        Assert.Equal((true, 2), (withdrawn.Withdrawn, withdrawn.Revision));
    }

    private async Task ReplyAsync()
    {
        var question = await PostAsync();
        var reply = Grains.GetGrain<IReplyGrain>(ExchangeIds.NewReplyId());

        var posted = await reply.PostAsync(Actor.Municipality(Gallese), question.Id, "Through the youth centre.");

        Assert.Equal(posted, await reply.GetAsync());
    }

    private async Task IdempotencyAsync()
    {
        var grain = Grains.GetGrain<IIdempotencyGrain>(_scope.Id("request"));
        var response = new StoredResponse("body-hash", 201, "application/json", "/municipalities/kelme", "\"1\"", [1, 2, 3], _scope.Clock.GetUtcNow());

        await grain.SaveAsync(response);
        var kept = await grain.GetAsync(TimeSpan.FromHours(1));
        var forgottenEarly = await grain.ForgetIfExpiredAsync(TimeSpan.FromHours(1));
        _scope.Clock.Advance(TimeSpan.FromHours(2));
        var forgottenLate = await grain.ForgetIfExpiredAsync(TimeSpan.FromHours(1));

        Assert.Equal(response with { Body = kept!.Body }, kept);
        Assert.Equal(response.Body, kept.Body);
        Assert.False(forgottenEarly);
        Assert.True(forgottenLate);
        Assert.Null(await grain.GetAsync(TimeSpan.FromDays(1)));
    }

    private async Task IdempotencyJanitorAsync()
    {
        var janitor = Grains.GetGrain<IIdempotencyJanitorGrain>(IIdempotencyJanitorGrain.Key);
        var request = Grains.GetGrain<IIdempotencyGrain>(_scope.Id("expiring-request"));
        await request.SaveAsync(new StoredResponse("body-hash", 201, "application/json", null, null, [1], _scope.Clock.GetUtcNow()));

        // The silo asked at its start already; asking again keeps the one reminder.
        await janitor.EnsureScheduledAsync();
        await janitor.EnsureScheduledAsync();
        _scope.Clock.Advance(IdempotencyRetention.Period + TimeSpan.FromHours(1));
        var swept = await janitor.SweepAsync();

        Assert.True(swept >= 1, $"The sweep deleted {swept} answers.");
        Assert.Null(await request.GetAsync(TimeSpan.FromDays(30)));
        var reminders = new IndexQuery("reminders") { Terms = [new IndexTerm("grain", "idempotency-janitor/" + IIdempotencyJanitorGrain.Key)] };
        Assert.Equal(1, await cluster.Storage.CountAsync(reminders));
    }

    private async Task MunicipalityAsync()
    {
        var grain = Grains.GetGrain<IMunicipalityGrain>(Kelme);
        var profile = new MunicipalityProfile("Kelme", "LT", PartnerKind.Municipality, null, null, null, [], null);

        await grain.CreateAsync(profile, _scope.Id("first-key"), Actor.Coordinator);
        await grain.UpdateProfileAsync(profile with { Name = "Kelmė" }, null, Actor.Municipality(Kelme));
        await grain.RotateApiKeyAsync(_scope.Id("second-key"), Actor.Municipality(Kelme));
        var deactivated = await grain.DeactivateAsync(Actor.Coordinator);
        var keyWhileDeactivated = await Grains.GetGrain<IApiKeyGrain>(_scope.Id("second-key")).GetMunicipalityAsync();
        var reactivated = await grain.ReactivateAsync(Actor.Coordinator);

        var view = await grain.GetViewAsync();

        Assert.NotNull(deactivated.DeactivatedAt);
        Assert.Null(keyWhileDeactivated);
        Assert.Null(reactivated.DeactivatedAt);
        Assert.Equal("Kelmė", (await grain.GetAsync())!.Profile.Name);
        Assert.Equal("Kelmė", view!.Snapshot.Profile.Name);
        Assert.Empty(view.Projects);
        Assert.Null(await Grains.GetGrain<IApiKeyGrain>(_scope.Id("first-key")).GetMunicipalityAsync());
        Assert.Equal(Kelme, await Grains.GetGrain<IApiKeyGrain>(_scope.Id("second-key")).GetMunicipalityAsync());
    }

    private async Task NetworkProjectionAsync()
    {
        await MunicipalitiesAsync(Kelme);
        var projection = Grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key);

        var position = await projection.CatchUpAsync();
        var folded = await projection.GetAsync();

        Assert.Equal(await _scope.Cluster.Storage.GetLastActivitySequenceAsync(), position);
        Assert.Equal(_scope.Clock.GetUtcNow(), folded.LastActivity[Kelme]);
    }

    private async Task ProjectAsync()
    {
        await MunicipalitiesAsync(Kelme, Gallese, Labin);
        var project = Grains.GetGrain<IProjectGrain>(Shelter);

        await project.CreateAsync(Definition(Kelme, Gallese), Actor.Coordinator);
        await project.AddPartnerAsync(Labin, Actor.Municipality(Kelme));
        await project.RemovePartnerAsync(Gallese, Actor.Coordinator);
        var before = await project.GetAsync();
        var details = new ProjectDetails("SHELTER 2", "Renamed", 2018, null, new DateOnly(2018, 1, 1), new DateOnly(2019, 6, 30), ["migration"], null);
        var updated = await project.UpdateAsync(details, before!.Version, Actor.Municipality(Kelme));
        var read = await project.GetAsync();
        var eligibility = await project.GetEligibilityAsync();
        var view = await project.GetViewAsync();

        Assert.Equal([Kelme, Labin], read!.Definition.Partners);
        Assert.Equal(("Renamed", updated.Version), (read.Definition.Title, read.Version));
        Assert.NotEmpty(eligibility.Rules);
        Assert.Equal(read.Version, view!.Snapshot.Version);
        Assert.Equal(eligibility.Rules.Count, view.Eligibility.Rules.Count);
    }

    private async Task IndexQueryAsync()
    {
        await ProjectOfKelmeAndGalleseAsync();
        var indexes = Grains.GetGrain<IIndexQueryGrain>(IIndexQueryGrain.Key);
        var query = new IndexQuery(IndexNames.Projects) { Terms = [new IndexTerm("partner", Gallese)] };

        var page = await indexes.QueryAsync(query);
        var count = await indexes.CountAsync(query);

        Assert.Equal(Shelter, Assert.Single(page.Items).DocumentId);
        Assert.Null(page.Next);
        Assert.Equal(1, count);
    }

    private async Task ExchangeQueryAsync()
    {
        var practice = await PostAsync();
        await Grains.GetGrain<IReplyGrain>(ExchangeIds.NewReplyId()).PostAsync(Actor.Municipality(Gallese), practice.Id, "We will try it.");
        await Grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(practice.Id, Gallese))
            .SetStatusAsync(Actor.Municipality(Gallese), AdoptionStatus.Interested, null);
        var exchanges = Grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key);

        var found = await exchanges.SearchAsync(new ExchangeFilter(Author: Kelme), limit: 10, cursor: null);
        var view = await exchanges.GetAsync(practice.Id);
        var replies = await exchanges.GetRepliesAsync(practice.Id, limit: 10, cursor: null);
        var galleses = await exchanges.GetForMunicipalityAsync(Gallese, limit: 10, postedCursor: null, adoptedCursor: null);

        Assert.Equal([practice.Id], found.ItemsJson.Select(j => JsonSerializer.Deserialize<ExchangeListItem>(j, GrainStateSerializer.Options)!.Id));
        Assert.Equal((practice.Id, 1L), (view!.Exchange.Id, view.ReplyCount));
        Assert.Equal("We will try it.", Assert.Single(replies.Items).Body);
        Assert.Equal(practice.Id, Assert.Single(galleses.Adopted.Items).Exchange.Id);
        Assert.Empty(galleses.Posted.Items);
    }

    private async Task NetworkQueryAsync()
    {
        // The cluster's whole network: this test checks what it added to it, a project running now with an event to come.
        var today = DateOnly.FromDateTime(_scope.Clock.GetUtcNow().UtcDateTime);
        await MunicipalitiesAsync(Kelme, Gallese);
        await Grains.GetGrain<IProjectGrain>(Shelter).CreateAsync(
            Definition(Kelme, Gallese) with { StartDate = today.AddMonths(-6), EndDate = today.AddMonths(6) }, Actor.Coordinator);
        var start = today.AddDays(30);
        var details = new EventDetails("Study visit", EventKind.StudyVisit, Gallese, "Town hall", start, start, "to see it working");
        var visit = await Grains.GetGrain<IEventGrain>(EventIds.New(_scope.Clock.GetUtcNow())).CreateAsync(Shelter, details, Actor.Coordinator);
        _scope.Clock.Advance(TimeSpan.FromDays(2));
        var network = Grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key);

        var summary = await network.GetSummaryAsync();
        var graph = await network.GetGraphAsync();
        var statistics = await network.GetStatisticsAsync();
        var inactive = await network.GetInactiveAsync(days: 1);
        var upcoming = await network.GetUpcomingEventsAsync(limit: 1000);

        Assert.Equal(_scope.Clock.GetUtcNow(), summary.AsOf);
        Assert.Equal(await _scope.Cluster.Storage.GetLastActivitySequenceAsync(), summary.LastActivitySeq);
        Assert.Contains(new GraphEdge($"municipality/{Kelme}", $"project/{Shelter}", "lead"), graph.Edges);
        Assert.Contains(statistics.Months, m => m.Month == start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) && m.Events >= 1);
        Assert.Contains(inactive, p => p.Id == Gallese);
        Assert.Contains(upcoming, e => e.Id == visit.Event.Id);
    }

    private async Task ReportQueryAsync()
    {
        var project = await ProjectOfKelmeAndGalleseAsync();
        var details = new EventDetails("Workshop", EventKind.Workshop, Kelme, "Town hall", new DateOnly(2017, 5, 4), new DateOnly(2017, 5, 5), "to learn");
        var workshop = await Grains.GetGrain<IEventGrain>(EventIds.New(_scope.Clock.GetUtcNow())).CreateAsync(Shelter, details, Actor.Coordinator);
        var reports = Grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key);

        var report = await reports.ProjectAsync(project);
        var calendar = await reports.MunicipalityEventsAsync(Gallese);

        Assert.Equal(workshop.Event.Id, Assert.Single(report.Events).Id);
        Assert.Equal([workshop.Event.Id], calendar.Select(e => e.Id));
    }

    private async Task StorageHealthAsync()
    {
        // Completes when storage answers (a memory storage always does); an outage would throw StorageUnavailableException.
        await Grains.GetGrain<IStorageHealthGrain>(IStorageHealthGrain.Key).CheckAsync();
    }

    private async Task ClusterStatusAsync()
    {
        // The test cluster's silos, every one active; the answer names one of them.
        var status = await Grains.GetGrain<IClusterStatusGrain>(IClusterStatusGrain.Key).GetAsync();

        var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(hosts.Count, status.ActiveSilos);
        Assert.Contains(hosts.Keys, silo => silo.ToString() == status.SiloAddress);
        Assert.False(string.IsNullOrEmpty(status.SiloName));
    }

    private async Task AttentionRouterAsync()
    {
        await ProjectOfKelmeAndGalleseAsync();
        var last = await Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).GetLastSequenceAsync();
        var router = Grains.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key);

        await router.WaitForAsync(last).WaitAsync(SignalTimeout);
        Assert.True(await router.CatchUpAsync() >= last);
    }

    private async Task AlertWatchAsync()
    {
        await MunicipalitiesAsync(Kelme);
        var watch = Grains.GetGrain<IAlertWatchGrain>("municipality/" + Kelme);
        await watch.TouchAsync(_scope.Clock.GetUtcNow());
        Assert.Empty(await watch.EvaluateAsync());

        // Quiet comes with time alone: the watch has a durable reminder for the day it would begin.
        var reminders = await _scope.Cluster.Silo.GetRequiredService<IReminderTable>().ReadRows(watch.GetGrainId());
        Assert.Equal([AlertWatchGrain.ReminderName], reminders.Reminders.Select(r => r.ReminderName));

        _scope.Clock.Advance(TimeSpan.FromDays(AlertRules.QuietDays));
        var quiet = Assert.Single(await watch.EvaluateAsync());
        Assert.Equal((AlertCodes.PartnerQuiet, AlertSeverity.Warning, "municipality/" + Kelme), (quiet.Code, quiet.Severity, quiet.Subject));

        await watch.TouchAsync(_scope.Clock.GetUtcNow());
        Assert.Empty(await watch.EvaluateAsync());
    }

    private async Task WebhookOwnerAsync()
    {
        var owner = Grains.GetGrain<IWebhookOwnerGrain>(Kelme);
        var created = await owner.RegisterAsync("https://hooks.example.org/collaboration", ["exchange.replied"]);
        Assert.Equal(64, created.Secret.Length);
        Assert.Equal([created.Webhook.Id], (await owner.ListAsync()).Select(w => w.Id));

        // Nothing of its kinds: nothing is queued.
        await owner.OfferAsync([new WebhookPayload(1, "adoption.changed", "{}")]);
        Assert.Empty(await Grains.GetGrain<IWebhookGrain>(created.Webhook.Id).GetDeliveriesAsync(10));

        Assert.True(await owner.RemoveAsync(created.Webhook.Id));
        Assert.False(await owner.RemoveAsync(created.Webhook.Id));
        Assert.Empty(await owner.ListAsync());
    }

    private async Task WebhookAsync()
    {
        var webhook = Grains.GetGrain<IWebhookGrain>(_scope.Id("wh"));
        var created = await webhook.CreateAsync(Kelme, "https://127.0.0.1:1/unreachable", ["exchange.replied"], WebhookSignature.NewSecret());
        Assert.Equal((created.Id, created.Url, Kelme), ((await webhook.GetAsync())!.Id, (await webhook.GetAsync())!.Url, created.Owner));

        await webhook.EnqueueAsync([new WebhookPayload(7, "exchange.replied", "{\"id\":7}"), new WebhookPayload(7, "exchange.replied", "{\"id\":7}")]);
        var delivery = Assert.Single(await webhook.GetDeliveriesAsync(10));
        Assert.Equal((1L, "exchange.replied", WebhookDeliveryStatus.Pending), (delivery.Id, delivery.Kind, delivery.Status));

        await webhook.DeleteAsync();
        Assert.Null(await webhook.GetAsync());
    }

    private async Task InboxAsync()
    {
        await ProjectOfKelmeAndGalleseAsync();
        var last = await Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).GetLastSequenceAsync();
        await Grains.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).WaitForAsync(last).WaitAsync(SignalTimeout);
        var inbox = Grains.GetGrain<IInboxGrain>(Gallese);

        var page = await inbox.GetPageAsync(null, 10);
        var item = Assert.Single(page.Items);
        Assert.Equal(("project.created", $"project/{Shelter}", 1L), (item.Kind, item.Subject, page.Unread));

        // The router hands a record over again after a crash: the inbox takes it once.
        Assert.Equal(1, await inbox.DeliverAsync([new InboxNotice(1, item.At, item.Kind, item.Subject, item.Summary)]));
        Assert.Equal(0, await inbox.MarkReadAsync(item.Id));
        Assert.True((await inbox.GetPageAsync(null, 10)).Items.Single().Read);
    }

    private async Task MunicipalitiesAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            var profile = new MunicipalityProfile(id, "LT", PartnerKind.Municipality, null, null, null, [], null);
            await Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
        }
    }

    private ProjectDefinition Definition(params string[] partners) =>
        new("SHELTER", "Shelter", Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, null,
            new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31), partners[0], partners, [], null);

    private async Task<ProjectSnapshot> ProjectOfKelmeAndGalleseAsync()
    {
        await MunicipalitiesAsync(Kelme, Gallese);
        return await Grains.GetGrain<IProjectGrain>(Shelter).CreateAsync(Definition(Kelme, Gallese), Actor.Coordinator);
    }

    private async Task<ExchangeRecord> PostAsync()
    {
        await MunicipalitiesAsync(Kelme, Gallese);
        return await Grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId())
            .PostAsync(Actor.Municipality(Kelme), new NewExchange(ExchangeKind.GoodPractice, "NGO charter", "Towns and NGOs together.", null, ["integration"]));
    }

    /// <summary>A front end listening to the log, as the Api's relay does in client mode.</summary>
    private sealed class ActivityObserver(string subject) : IActivityObserver
    {
        public TaskCompletionSource<ActivityRecord> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnActivityAsync(ActivityRecord record)
        {
            if (record.Subject == subject)
            {
                Received.TrySetResult(record);
            }

            return Task.CompletedTask;
        }
    }
}
