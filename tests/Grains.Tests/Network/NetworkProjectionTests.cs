using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Municipalities;
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
    public async Task ParticipantsAreTheSumOfTheRecordedDeltas()
    {
        await using var silo = new NetworkSilo();
        await silo.Grains.RecordActivityAsync(new ActivityEntry("participation.recorded", "canepina", "event/e1", "Canepina brought 40") { ParticipantsDelta = 40 });
        await silo.Grains.RecordActivityAsync(new ActivityEntry("participation.recorded", "gallese", "event/e1", "Gallese brought 12") { ParticipantsDelta = 12 });
        await silo.Grains.RecordActivityAsync(new ActivityEntry("participation.recorded", "canepina", "event/e1", "Canepina corrected to 35") { ParticipantsDelta = -5 });

        Assert.Equal(47, (await silo.Projection.GetAsync()).Participants);
    }

    [Fact]
    public async Task AfterARestartTheProjectionContinuesFromItsStoredPositionWithoutCountingTwice()
    {
        var storage = new Silo.Storage.Memory.MemoryStorage();
        await using (var before = new NetworkSilo(storage))
        {
            await before.Grains.RecordActivityAsync(new ActivityEntry("participation.recorded", "canepina", "event/e1", "40") { ParticipantsDelta = 40 });
            Assert.Equal(1, await before.Projection.CatchUpAsync());
            await before.Grains.RecordActivityAsync(new ActivityEntry("participation.recorded", "gallese", "event/e1", "12") { ParticipantsDelta = 12 });
        }

        await using var after = new NetworkSilo(storage);
        var projection = await after.Projection.GetAsync();

        Assert.Equal(2, projection.Position);
        Assert.Equal(52, projection.Participants);
        Assert.Equal(["canepina", "gallese"], projection.LastActivity.Keys.Order(StringComparer.Ordinal));
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
}
