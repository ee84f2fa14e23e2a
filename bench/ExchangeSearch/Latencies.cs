using System.Diagnostics;
using System.Globalization;

namespace Collaboration.Bench.ExchangeSearch;

/// <summary>Timings of one scenario, printed as <c>search p50 &lt;ms&gt; p99 &lt;ms&gt; qps &lt;n&gt;</c>. Safe to measure from several tasks.</summary>
internal sealed class Latencies(string scenario, string operation = "search")
{
    private readonly Lock _lock = new();
    private readonly List<double> _milliseconds = [];
    private long _hits;
    private long _elapsedTicks;

    public async Task MeasureAsync(Func<Task<int>> query)
    {
        var start = Stopwatch.GetTimestamp();
        var hits = await query();
        var elapsed = Stopwatch.GetTimestamp() - start;
        lock (_lock)
        {
            _elapsedTicks += elapsed;
            _milliseconds.Add(elapsed * 1000.0 / Stopwatch.Frequency);
            _hits += hits;
        }
    }

    public string Report()
    {
        var sorted = _milliseconds.Order().ToArray();
        var qps = sorted.Length / (_elapsedTicks / (double)Stopwatch.Frequency);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} p50 {Percentile(sorted, 0.50):F2} p99 {Percentile(sorted, 0.99):F2} qps {qps:F0}   {scenario} (n={sorted.Length}, hits/page {_hits / (double)sorted.Length:F1})");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
