using System.Diagnostics;
using System.Globalization;
using Collaboration.Bench.Grains;

// Orleans as this project runs it, in-process: grain calls per second (no HTTP, no storage) and the managed memory
// one activation costs. Prints "name value" lines for bench/run.
// Usage: dotnet bench/Grains/bin/Release/net10.0/Collaboration.Bench.Grains.dll [seconds per figure, 3] [activations, 100000]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
var activations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;

await using (var silo = await BenchSilo.StartAsync())
{
    // Warm-up: JIT and tiering, the 1,000 activations, Orleans's caches of the grain type and its invoker.
    await RunCallsAsync(silo.Grains, TimeSpan.FromSeconds(Math.Max(1, seconds / 3)), callers: 64, grains: 1000);
    await RunCallsAsync(silo.Grains, TimeSpan.FromSeconds(Math.Max(1, seconds / 3)), callers: 1, grains: 1);

    var many = await RunCallsAsync(silo.Grains, TimeSpan.FromSeconds(seconds), callers: 64, grains: 1000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grain-calls-per-second {many:F0}"));
    var one = await RunCallsAsync(silo.Grains, TimeSpan.FromSeconds(seconds), callers: 1, grains: 1);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grain-calls-per-second-one-caller {one:F0}"));
}

// Memory on a fresh silo, so the activations of the call runs are not in it.
await using (var silo = await BenchSilo.StartAsync())
{
    var bytes = await MeasureActivationBytesAsync(silo, activations);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes-per-activation {bytes:F0}"));
}

return 0;

static async Task<double> RunCallsAsync(IGrainFactory factory, TimeSpan duration, int callers, int grains)
{
    var references = Enumerable.Range(0, grains).Select(i => factory.GetGrain<IPingGrain>($"g{i}")).ToArray();
    long total = 0;
    var stopwatch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, callers).Select(worker => Task.Run(async () =>
    {
        long calls = 0;
        var i = worker;
        while (stopwatch.Elapsed < duration)
        {
            for (var batch = 0; batch < 256; batch++)
            {
                await references[i++ % references.Length].PingAsync(batch);
            }

            calls += 256;
        }

        Interlocked.Add(ref total, calls);
    })).ToArray();
    await Task.WhenAll(workers);
    return total / stopwatch.Elapsed.TotalSeconds;
}

static async Task<double> MeasureActivationBytesAsync(BenchSilo silo, int count)
{
    // Settle the silo first: its start-up work (the network projection's first catch-up among it), the grain type's
    // caches and the JIT, by activating and calling grains that are not counted.
    await Task.Delay(TimeSpan.FromSeconds(1));
    await ActivateAsync(Enumerable.Range(0, 1000).Select(i => silo.Grains.GetGrain<IPingGrain>($"w{i}")).ToArray());

    // References are made first so that only the activations themselves are measured.
    var references = Enumerable.Range(0, count).Select(i => silo.Grains.GetGrain<IPingGrain>($"a{i}")).ToArray();
    var activationsBefore = await silo.ActivationCountAsync();
    var before = SettledMemory();
    await ActivateAsync(references);
    var after = SettledMemory();
    var activationsAfter = await silo.ActivationCountAsync();
    GC.KeepAlive(references);
    if (activationsAfter - activationsBefore != count)
    {
        throw new InvalidOperationException(
            $"Expected {count} new activations, found {activationsAfter - activationsBefore} ({activationsBefore} before, {activationsAfter} after).");
    }

    return (after - before) / (double)count;
}

// Each grain called once (activating it), 64 calls in flight.
static async Task ActivateAsync(IPingGrain[] references)
{
    var next = -1;
    var workers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < references.Length)
        {
            await references[i].PingAsync(0);
        }
    })).ToArray();
    await Task.WhenAll(workers);
}

static long SettledMemory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}
