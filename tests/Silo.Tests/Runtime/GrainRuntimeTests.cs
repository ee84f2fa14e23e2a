using Collaboration.Silo.Storage.Memory;
using Collaboration.Silo.Tests.Support;

namespace Collaboration.Silo.Tests.Runtime;

public sealed class GrainRuntimeTests
{
    [Fact]
    public async Task FirstCallActivatesTheGrainAndLaterCallsReuseTheActivation()
    {
        await using var silo = new TestSilo();

        var first = await silo.Grains.GetGrain<ILifecycleGrain>("a").GetActivationIdAsync();
        var second = await silo.Grains.GetGrain<ILifecycleGrain>("a").GetActivationIdAsync();
        var other = await silo.Grains.GetGrain<ILifecycleGrain>("b").GetActivationIdAsync();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task AThousandConcurrentCallsToOneGrainRunOneAtATime()
    {
        await using var silo = new TestSilo();
        var grain = silo.Grains.GetGrain<ITurnProbeGrain>("busy");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(grain.EnterAsync)));
        var (calls, maxConcurrent) = await grain.GetStatsAsync();

        Assert.Equal(1000, calls);
        Assert.Equal(1, maxConcurrent);
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task ACallCycleBetweenTwoGrainsFailsFastNamingTheCycle()
    {
        await using var silo = new TestSilo();

        var call = silo.Grains.GetGrain<IRelayGrain>("a").RelayAsync(["b", "a"]);
        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => call.WaitAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal([new GrainId("relay", "a"), new GrainId("relay", "b"), new GrainId("relay", "a")], error.Cycle);
        Assert.Contains("relay/a -> relay/b -> relay/a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACycleDeepInAChainNamesOnlyTheGrainsOfTheCycle()
    {
        await using var silo = new TestSilo();

        var call = silo.Grains.GetGrain<IRelayGrain>("start").RelayAsync(["a", "b", "c", "a"]);
        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => call.WaitAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(
            [new GrainId("relay", "a"), new GrainId("relay", "b"), new GrainId("relay", "c"), new GrainId("relay", "a")],
            error.Cycle);
    }

    [Fact]
    public async Task AGrainCallingItselfThroughAReferenceIsACycleToo()
    {
        await using var silo = new TestSilo();

        var call = silo.Grains.GetGrain<IRelayGrain>("self").RelayAsync(["self"]);

        await Assert.ThrowsAsync<GrainCallCycleException>(() => call.WaitAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ALongChainWithoutRepetitionIsNotACycle()
    {
        await using var silo = new TestSilo();

        var last = await silo.Grains.GetGrain<IRelayGrain>("a").RelayAsync(["b", "c", "d"]);

        Assert.Equal("d", last);
    }

    [Fact]
    public async Task SequentialCallsFromOutsideAreNotMistakenForACycle()
    {
        await using var silo = new TestSilo();
        var a = silo.Grains.GetGrain<IRelayGrain>("a");

        await a.RelayAsync(["b"]);
        var again = await a.RelayAsync(["b"]);

        Assert.Equal("b", again);
    }

    [Fact]
    public async Task AGrainThatThrowsStaysUsable()
    {
        await using var silo = new TestSilo();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("f");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("boom"));
        var echoed = await grain.EchoAsync(7);

        Assert.Equal("boom", error.Message);
        Assert.Equal(7, echoed);
        Assert.Single(silo.Journal.Entries, e => e == "activate f");
    }

    [Fact]
    public async Task AFailedActivationLeavesNothingBehindAndTheNextCallActivatesAfresh()
    {
        await using var silo = new TestSilo();
        silo.Journal.FailNextActivation = true;
        var grain = silo.Grains.GetGrain<IFaultyGrain>("f");

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.EchoAsync(1));
        Assert.Equal(0, silo.Runtime.ActivationCount);

        Assert.Equal(2, await grain.EchoAsync(2));
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task StateIsLoadedOnActivationAndWrittenWhenTheGrainAsks()
    {
        var storage = new MemoryStorage();
        await using (var silo = new TestSilo(storage))
        {
            var counter = silo.Grains.GetGrain<ICounterGrain>("c");
            await counter.IncrementAsync();
            await counter.IncrementAsync();
        }

        await using var restarted = new TestSilo(storage);
        Assert.Equal(2, await restarted.Grains.GetGrain<ICounterGrain>("c").GetAsync());
    }

    [Fact]
    public async Task AWriteWithAStaleEtagIsRefusedAndDoesNotOverwrite()
    {
        var storage = new MemoryStorage();
        await using var first = new TestSilo(storage);
        await using var second = new TestSilo(storage);
        var inFirst = first.Grains.GetGrain<ICounterGrain>("shared");
        var inSecond = second.Grains.GetGrain<ICounterGrain>("shared");

        // Both activations read the same (empty) version; the first write wins and the second is stale.
        await inSecond.GetAsync();
        Assert.Equal(1, await inFirst.IncrementAsync());
        Assert.Equal(2, await inFirst.IncrementAsync());

        await Assert.ThrowsAsync<InconsistentStateException>(inSecond.IncrementAsync);
        await using var third = new TestSilo(storage);
        Assert.Equal(2, await third.Grains.GetGrain<ICounterGrain>("shared").GetAsync());
    }

    [Fact]
    public async Task AnIdleActivationIsCollectedAfterTheCollectionAge()
    {
        await using var silo = new TestSilo(configure: o => o.CollectionAge = TimeSpan.FromMinutes(15));
        var grain = silo.Grains.GetGrain<IFaultyGrain>("idle");
        await grain.EchoAsync(1);

        silo.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await silo.Runtime.CollectIdleActivationsAsync());
        Assert.Equal(1, silo.Runtime.ActivationCount);

        silo.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await silo.Runtime.CollectIdleActivationsAsync());
        Assert.Equal(0, silo.Runtime.ActivationCount);
        Assert.Contains("deactivate idle IdleCollection", silo.Journal.Entries);
    }

    [Fact]
    public async Task TheCollectionTimerCollectsIdleActivationsAsTheClockAdvances()
    {
        await using var silo = new TestSilo(configure: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(15);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        silo.Runtime.Start();
        await silo.Grains.GetGrain<IFaultyGrain>("idle").EchoAsync(1);
        await silo.Grains.GetGrain<IFaultyGrain>("busy").EchoAsync(1);

        silo.Clock.Advance(TimeSpan.FromMinutes(10));
        await silo.Grains.GetGrain<IFaultyGrain>("busy").EchoAsync(2);
        silo.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Contains("deactivate idle IdleCollection", silo.Journal.Entries);
        Assert.DoesNotContain("deactivate busy IdleCollection", silo.Journal.Entries);
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }

    [Fact]
    public async Task ACollectedGrainIsReactivatedWithItsStateOnTheNextCall()
    {
        await using var silo = new TestSilo();
        var counter = silo.Grains.GetGrain<ICounterGrain>("c");
        await counter.IncrementAsync();

        silo.Clock.Advance(TimeSpan.FromHours(1));
        await silo.Runtime.CollectIdleActivationsAsync();

        Assert.Equal(0, silo.Runtime.ActivationCount);
        Assert.Equal(2, await counter.IncrementAsync());
    }

    [Fact]
    public async Task DeactivateOnIdleDeactivatesOnceTheCallEnds()
    {
        await using var silo = new TestSilo();
        var grain = silo.Grains.GetGrain<IFaultyGrain>("leaving");

        await grain.LeaveAsync();

        Assert.Equal(0, silo.Runtime.ActivationCount);
        Assert.Contains("deactivate leaving Requested", silo.Journal.Entries);
        Assert.Equal(5, await grain.EchoAsync(5));
    }

    [Fact]
    public async Task StoppingTheSiloDeactivatesEveryGrainAndRefusesNewCalls()
    {
        var silo = new TestSilo();
        await silo.Grains.GetGrain<IFaultyGrain>("a").EchoAsync(1);
        await silo.Grains.GetGrain<IFaultyGrain>("b").EchoAsync(1);

        await silo.Runtime.StopAsync();

        Assert.Contains("deactivate a ShuttingDown", silo.Journal.Entries);
        Assert.Contains("deactivate b ShuttingDown", silo.Journal.Entries);
        Assert.Equal(0, silo.Runtime.ActivationCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grains.GetGrain<IFaultyGrain>("a").EchoAsync(1));
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task ShutdownWaitsForARunningCallToFinish()
    {
        await using var silo = new TestSilo();
        var grain = silo.Grains.GetGrain<ITurnProbeGrain>("p");
        var calls = Enumerable.Range(0, 50).Select(_ => grain.EnterAsync()).ToArray();

        await silo.Runtime.StopAsync();

        // Every call that had entered the queue before shutdown either completed or was refused; none is left hanging.
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.All(calls, c => Assert.True(c.IsCompleted));
    }

    [Fact]
    public async Task CallsToManyGrainsRunInParallelWhileEachGrainStaysSerial()
    {
        await using var silo = new TestSilo();

        await Task.WhenAll(Enumerable.Range(0, 100).SelectMany(i => Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => silo.Grains.GetGrain<ITurnProbeGrain>($"g{i}").EnterAsync()))));

        for (var i = 0; i < 100; i++)
        {
            var (calls, max) = await silo.Grains.GetGrain<ITurnProbeGrain>($"g{i}").GetStatsAsync();
            Assert.Equal(10, calls);
            Assert.Equal(1, max);
        }
    }

    [Fact]
    public async Task AnAlwaysInterleaveCallRunsBesideTheGrainsTurns()
    {
        await using var silo = new TestSilo();
        var grain = silo.Grains.GetGrain<IInterleavingGrain>("i");

        // If the waiting call held the grain's turn, the call that opens the latch could never run.
        var waiting = grain.WaitForLatchAsync();
        await grain.OpenLatchAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("opened", await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, silo.Runtime.ActivationCount);
    }
}
