using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Tests.Network.Support;

namespace Collaboration.Grains.Tests.Network;

public sealed class NetworkProjectionTests
{
    [Fact]
    public async Task TheActivityLogHandsEachDurableRecordToTheLiveFeed()
    {
        await using var silo = new NetworkSilo();
        using var subscription = silo.Feed.Subscribe();

        await silo.AddMunicipalityAsync("canepina", "IT");
        var record = await silo.Grains.RecordActivityAsync("exchange.posted", "canepina", "exchange/x1", "Canepina posted a good practice");

        Assert.True(subscription.Records.TryRead(out var first));
        Assert.True(subscription.Records.TryRead(out var second));
        Assert.Equal("municipality.created", first.Type);
        Assert.Equal(record, second);
        Assert.Equal([first.Seq, second.Seq], (await silo.Storage.ReadActivityAsync(0, 10)).Select(r => r.Seq));
    }

    [Fact]
    public async Task LastActivityCountsAPartnerAsActorOrSubjectButNeverTheCoordinator()
    {
        await using var silo = new NetworkSilo();
        await silo.AddMunicipalityAsync("canepina", "IT");
        await silo.AddMunicipalityAsync("gallese", "IT");
        var registered = silo.Clock.GetUtcNow();

        var later = silo.Clock.Advance(TimeSpan.FromDays(10));
        await silo.Grains.RecordActivityAsync("exchange.posted", Actor.Municipality("canepina"), "exchange/x1", "Canepina posted");
        await silo.Grains.RecordActivityAsync("project.created", Actor.Coordinator, "project/shelter", "SHELTER was registered");

        var projection = await silo.Projection.GetAsync();

        Assert.Equal(later, projection.LastActivity["canepina"]);
        Assert.Equal(registered, projection.LastActivity["gallese"]);
        Assert.False(projection.LastActivity.ContainsKey("coordinator"));
        Assert.Equal(4, projection.Position);
    }

    [Fact]
    public async Task AfterARestartTheProjectionContinuesFromItsStoredPosition()
    {
        var storage = new Silo.Storage.Memory.MemoryStorage();
        await using (var before = new NetworkSilo(storage))
        {
            await before.Grains.RecordActivityAsync("exchange.posted", "canepina", "exchange/x1", "Canepina posted");
            Assert.Equal(1, await before.Projection.CatchUpAsync());
            before.Clock.Advance(TimeSpan.FromDays(1));
            await before.Grains.RecordActivityAsync("exchange.posted", "gallese", "exchange/x2", "Gallese posted");
        }

        await using var after = new NetworkSilo(storage);
        var projection = await after.Projection.GetAsync();

        Assert.Equal(2, projection.Position);
        Assert.Equal(NetworkSilo.Start, projection.LastActivity["canepina"]);
        Assert.Equal(NetworkSilo.Start.AddDays(1), projection.LastActivity["gallese"]);
    }

    [Fact]
    public async Task TheProjectionIsStoredAtCheckpointsNotAfterEveryCatchUp()
    {
        await using var silo = new NetworkSilo();
        await silo.Grains.RecordActivityAsync("exchange.posted", "canepina", "exchange/x1", "Canepina posted");
        await silo.Projection.CatchUpAsync();
        var storedFirst = await StoredPositionAsync(silo);

        await silo.Grains.RecordActivityAsync("exchange.posted", "gallese", "exchange/x2", "Gallese posted");
        Assert.Equal(2, await silo.Projection.CatchUpAsync());
        var storedBetween = await StoredPositionAsync(silo);

        silo.Clock.Advance(NetworkProjectionGrain.CheckpointInterval);
        await silo.Grains.RecordActivityAsync("exchange.posted", "kelme", "exchange/x3", "Kelmė posted");
        await silo.Projection.CatchUpAsync();

        Assert.Equal(1, storedFirst);
        Assert.Equal(1, storedBetween);
        Assert.Equal(3, await StoredPositionAsync(silo));
        Assert.Equal(3, (await silo.Projection.GetAsync()).Position);
    }

    [Fact]
    public async Task AProjectionThatFoldedManyRecordsStoresThemWithoutWaitingForTheInterval()
    {
        await using var silo = new NetworkSilo();
        await silo.Grains.RecordActivityAsync("exchange.posted", "canepina", "exchange/x0", "Canepina posted");
        await silo.Projection.CatchUpAsync();

        for (var i = 1; i <= NetworkProjectionGrain.CheckpointRecords; i++)
        {
            await silo.Grains.RecordActivityAsync("exchange.posted", "gallese", $"exchange/x{i}", "Gallese posted");
        }

        await silo.Projection.CatchUpAsync();

        Assert.Equal(NetworkProjectionGrain.CheckpointRecords + 1, await StoredPositionAsync(silo));
    }

    [Fact]
    public async Task TheLogContinuesItsNumbersWhenTheLogGrainIsActivatedAgain()
    {
        var storage = new Silo.Storage.Memory.MemoryStorage();
        await using (var before = new NetworkSilo(storage))
        {
            await before.AddMunicipalityAsync("kelme", "LT");
        }

        await using var after = new NetworkSilo(storage);
        var profile = new MunicipalityProfile("Kelmė", "LT", PartnerKind.Municipality, null, null, null, [], null);
        await after.Grains.GetGrain<IMunicipalityGrain>("kelme").UpdateProfileAsync(profile, null, Actor.Municipality("kelme"));

        Assert.Equal([1L, 2], (await storage.ReadActivityAsync(0, 10)).Select(r => r.Seq));
    }

    private static async Task<long> StoredPositionAsync(NetworkSilo silo)
    {
        var record = await silo.Storage.ReadAsync(new Silo.Storage.GrainStateId("network-projection", INetworkProjectionGrain.Key, "projection"));
        return record is null ? 0 : System.Text.Json.JsonSerializer.Deserialize<NetworkProjectionState>(record.Data, Silo.GrainStateSerializer.Options)!.Position;
    }
}
