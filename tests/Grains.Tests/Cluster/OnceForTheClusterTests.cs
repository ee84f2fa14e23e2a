using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Attention;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Inbox;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Projects;

namespace Collaboration.Grains.Tests.Cluster;

/// <summary>
/// What runs in the background runs once for a cluster, not once per silo: the activity log's followers (the attention
/// router, the network projection) are woken only by the silo the log lives in, and what every silo does at its start
/// (a catch-up of each follower, the janitor's reminder) is harmless repeated.
/// </summary>
public sealed class OnceForTheClusterTests(TwoSilos silos) : IClassFixture<TwoSilos>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly string[] Towns = ["kelme", "gallese", "labin"];

    [Fact]
    public async Task OnlyTheSiloOfTheActivityLogWakesItsFollowersAndFollowingAgainFromEverySiloChangesNothing()
    {
        // Writes from both silos (their grains placed on either), and a project that puts an item in each partner's inbox.
        for (var i = 0; i < Towns.Length; i++)
        {
            var profile = new MunicipalityProfile(Towns[i], "SI", PartnerKind.Municipality, null, null, null, [], null);
            await silos.GrainsOf(i % 2).GetGrain<IMunicipalityGrain>(Towns[i]).CreateAsync(profile, "key-hash-of-" + Towns[i], Actor.Coordinator);
        }

        var definition = new ProjectDefinition("SHELTER", "Shelter", Programme.EuropeForCitizens, Measure.NetworkOfTowns, 2017, null,
            new DateOnly(2017, 1, 1), new DateOnly(2018, 12, 31), Towns[0], Towns, [], null);
        await silos.GrainsOf(1).GetGrain<IProjectGrain>("shelter").CreateAsync(definition, Actor.Coordinator);
        var last = await silos.Client.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).GetLastSequenceAsync();
        await silos.Client.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).WaitForAsync(last).WaitAsync(Bound);

        // The log lives on one silo: that silo's feed had every record, the other's none, so only its followers' pumps woke.
        Assert.Equal(new long[] { 0, last }, silos.Feeds.Select(f => f.LastPublished).Order());

        // Every silo's start-up catch-up, repeated from both at once, routes and folds nothing twice.
        await Task.WhenAll(Enumerable.Range(0, 2).SelectMany(silo => new Task[]
        {
            silos.GrainsOf(silo).GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).CatchUpAsync(),
            silos.GrainsOf(silo).GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key).CatchUpAsync(),
        }));
        foreach (var town in Towns.Skip(1))
        {
            var inbox = await silos.Client.GetGrain<IInboxGrain>(town).GetPageAsync(null, IInboxGrain.MaxPageSize);
            Assert.Equal(["project.created"], inbox.Items.Select(item => item.Kind));
        }

        var projection = await silos.Client.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key).GetAsync();
        Assert.Equal(last, projection.Position);
        Assert.Equal(Towns.Order(), projection.LastActivity.Keys.Order());
    }

    [Fact]
    public async Task TheIdempotencyJanitorHasOneReminderForTheClusterHoweverManySilosAskForIt()
    {
        // Each silo asked at its start; both ask again.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(silo =>
            silos.GrainsOf(silo).GetGrain<IIdempotencyJanitorGrain>(IIdempotencyJanitorGrain.Key).EnsureScheduledAsync()));

        var reminders = await silos.Storage.QueryAllAsync(new IndexQuery("reminders") { Descending = false });
        Assert.Single(reminders, r => r.Payload!.Contains("idempotency-janitor/" + IIdempotencyJanitorGrain.Key, StringComparison.Ordinal));
    }
}
