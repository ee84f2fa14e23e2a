using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Tests.Network.Support;
using Collaboration.Grains.Tests.Support;
using Collaboration.Silo.Storage;

namespace Collaboration.Grains.Tests.Network;

/// <summary>
/// The activity log and the projection folded from it. Both are the cluster's one log and one projection: positions
/// count from the last record before the test (<see cref="ClusterScope.ActivityBefore"/>), and grains of the tests that
/// ran before are only ever behind it.
/// </summary>
[Collection(GrainCluster.Collection)]
public sealed class NetworkProjectionTests(GrainCluster cluster) : IAsyncLifetime
{
    private readonly NetworkSilo _silo = new(cluster);

    private string Canepina => _silo.Id("canepina");

    private string Gallese => _silo.Id("gallese");

    private string Kelme => _silo.Id("kelme");

    private long Before => _silo.ActivityBefore;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task TheActivityLogHandsEachDurableRecordToTheLiveFeed()
    {
        var silo = _silo;
        using var subscription = silo.Feed.Subscribe();

        await silo.AddMunicipalityAsync(Canepina, "IT");
        var record = await silo.Grains.RecordActivityAsync("exchange.posted", Canepina, "exchange/x1", "Canepina posted a good practice");

        Assert.True(subscription.Records.TryRead(out var first));
        Assert.True(subscription.Records.TryRead(out var second));
        Assert.Equal("municipality.created", first.Type);
        Assert.Equal(record, second);
        Assert.Equal([first.Seq, second.Seq], (await silo.Storage.ReadActivityAsync(Before, 10)).Select(r => r.Seq));
    }

    [Fact]
    public async Task LastActivityCountsAPartnerAsActorOrSubjectButNeverTheCoordinator()
    {
        var silo = _silo;
        await silo.AddMunicipalityAsync(Canepina, "IT");
        await silo.AddMunicipalityAsync(Gallese, "IT");
        var registered = silo.Clock.GetUtcNow();

        var later = silo.Clock.Advance(TimeSpan.FromDays(10));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality(Canepina), "exchange/x1", "Canepina posted");
        await silo.Grains.RecordActivityAsync("project.created", Actor.Coordinator, $"project/{silo.Id("shelter")}", "SHELTER was registered");

        var projection = await silo.Projection.GetAsync();

        Assert.Equal(later, projection.LastActivity[Canepina]);
        Assert.Equal(registered, projection.LastActivity[Gallese]);
        Assert.False(projection.LastActivity.ContainsKey("coordinator"));
        Assert.Equal(Before + 4, projection.Position);
    }

    [Fact]
    public async Task AfterARestartTheProjectionContinuesFromItsStoredPosition()
    {
        var silo = _silo;
        await silo.Grains.RecordActivityAsync("exchange.posted", Canepina, "exchange/x1", "Canepina posted");
        Assert.Equal(Before + 1, await silo.Projection.CatchUpAsync());
        silo.Clock.Advance(TimeSpan.FromDays(1));
        await silo.Grains.RecordActivityAsync("exchange.posted", Gallese, "exchange/x2", "Gallese posted");

        await silo.RestartProjectionAsync();
        var projection = await silo.Projection.GetAsync();

        Assert.Equal(Before + 2, projection.Position);
        Assert.Equal(NetworkSilo.Start, projection.LastActivity[Canepina]);
        Assert.Equal(NetworkSilo.Start.AddDays(1), projection.LastActivity[Gallese]);
    }

    [Fact]
    public async Task TheProjectionIsStoredAtCheckpointsNotAfterEveryCatchUp()
    {
        var silo = _silo;
        await silo.StartProjectionAfreshAsync();
        await silo.Grains.RecordActivityAsync("exchange.posted", Canepina, "exchange/x1", "Canepina posted");
        await silo.Projection.CatchUpAsync();
        var storedFirst = await StoredPositionAsync(silo);

        await silo.Grains.RecordActivityAsync("exchange.posted", Gallese, "exchange/x2", "Gallese posted");
        Assert.Equal(Before + 2, await silo.Projection.CatchUpAsync());
        var storedBetween = await StoredPositionAsync(silo);

        // Recorded before the interval ends, so that whichever catch-up comes first after it (the test's, or the silo's
        // projection pump woken by a record) has folded everything: the stored position does not depend on the pump.
        await silo.Grains.RecordActivityAsync("exchange.posted", Kelme, "exchange/x3", "Kelmė posted");
        silo.Clock.Advance(NetworkProjectionGrain.CheckpointInterval);
        await silo.Projection.CatchUpAsync();

        Assert.Equal(Before + 1, storedFirst);
        Assert.Equal(Before + 1, storedBetween);
        Assert.Equal(Before + 3, await StoredPositionAsync(silo));
        Assert.Equal(Before + 3, (await silo.Projection.GetAsync()).Position);
    }

    [Fact]
    public async Task AProjectionThatFoldedManyRecordsStoresThemWithoutWaitingForTheInterval()
    {
        var silo = _silo;
        await silo.StartProjectionAfreshAsync();
        await silo.Grains.RecordActivityAsync("exchange.posted", Canepina, "exchange/x0", "Canepina posted");
        await silo.Projection.CatchUpAsync();

        for (var i = 1; i <= NetworkProjectionGrain.CheckpointRecords; i++)
        {
            await silo.Grains.RecordActivityAsync("exchange.posted", Gallese, $"exchange/x{i}", "Gallese posted");
        }

        await silo.Projection.CatchUpAsync();

        Assert.Equal(Before + NetworkProjectionGrain.CheckpointRecords + 1, await StoredPositionAsync(silo));
    }

    [Fact]
    public async Task TheLogContinuesItsNumbersWhenTheLogGrainIsActivatedAgain()
    {
        var silo = _silo;
        await silo.AddMunicipalityAsync(Kelme, "LT");

        await silo.Cluster.DeactivateAsync(silo.Log);
        var profile = new MunicipalityProfile("Kelmė", "LT", PartnerKind.Municipality, null, null, null, [], null);
        await silo.Grains.GetGrain<IMunicipalityGrain>(Kelme).UpdateProfileAsync(profile, null, Actor.Municipality(Kelme));

        Assert.Equal([Before + 1, Before + 2], (await silo.Storage.ReadActivityAsync(Before, 10)).Select(r => r.Seq));
    }

    private static async Task<long> StoredPositionAsync(NetworkSilo silo)
    {
        var record = await silo.Storage.ReadAsync(new GrainStateId("network-projection", INetworkProjectionGrain.Key, "projection"));
        return record is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<NetworkProjectionState>(record.Data, Grains.Storage.GrainStateSerializer.Options)!.Position;
    }
}
