using System.Diagnostics;
using Collaboration.Bench.Runtime;
using Collaboration.Silo;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

// In-process grain runtime figures: calls per second (no HTTP, no storage writes) and the memory one
// activation costs. Prints "name value" lines for bench/run.
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3.0;
var activations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;

var services = new ServiceCollection();
services.AddMemoryStorage();
services.AddSilo().AddGrainsFrom(typeof(PingGrain).Assembly);
await using var provider = services.BuildServiceProvider();
var runtime = provider.GetRequiredService<GrainRuntime>();

// Warm-up: JIT, tiering, proxy types.
await RunCallsAsync(runtime, TimeSpan.FromSeconds(1), callers: 64, grains: 1000);

var many = await RunCallsAsync(runtime, TimeSpan.FromSeconds(seconds), callers: 64, grains: 1000);
Console.WriteLine($"grain-calls-per-second {many:F0}");
var one = await RunCallsAsync(runtime, TimeSpan.FromSeconds(seconds), callers: 1, grains: 1);
Console.WriteLine($"grain-calls-per-second-one-caller {one:F0}");

await runtime.StopAsync();
await using var fresh = FreshRuntime(out var freshRuntime);
var bytes = await MeasureActivationBytesAsync(freshRuntime, activations);
Console.WriteLine($"bytes-per-activation {bytes:F0}");

static ServiceProvider FreshRuntime(out GrainRuntime runtime)
{
    var services = new ServiceCollection();
    services.AddMemoryStorage();
    services.AddSilo().AddGrainsFrom(typeof(PingGrain).Assembly);
    var provider = services.BuildServiceProvider();
    runtime = provider.GetRequiredService<GrainRuntime>();
    return provider;
}

static async Task<double> RunCallsAsync(GrainRuntime runtime, TimeSpan duration, int callers, int grains)
{
    var references = Enumerable.Range(0, grains).Select(i => runtime.GetGrain<IPingGrain>($"g{i}")).ToArray();
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

static async Task<double> MeasureActivationBytesAsync(GrainRuntime runtime, int count)
{
    // References are made first so that only the activations themselves are measured.
    var references = Enumerable.Range(0, count).Select(i => runtime.GetGrain<IPingGrain>($"a{i}")).ToArray();
    var before = SettledMemory();
    foreach (var reference in references)
    {
        await reference.PingAsync(0);
    }

    var after = SettledMemory();
    GC.KeepAlive(references);
    if (runtime.ActivationCount != count)
    {
        throw new InvalidOperationException($"Expected {count} activations, found {runtime.ActivationCount}.");
    }

    return (after - before) / (double)count;
}

static long SettledMemory()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}
