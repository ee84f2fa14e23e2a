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

    public string Scenario => scenario;

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

    /// <summary>Median and 99th percentile in milliseconds, and queries per second of one client (1 / mean latency).</summary>
    public (double P50, double P99, double Qps) Figures()
    {
        var sorted = _milliseconds.Order().ToArray();
        var qps = sorted.Length / (_elapsedTicks / (double)Stopwatch.Frequency);
        return (Percentile(sorted, 0.50), Percentile(sorted, 0.99), qps);
    }

    public string Report()
    {
        var (p50, p99, qps) = Figures();
        var count = _milliseconds.Count;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{operation} p50 {p50:F2} p99 {p99:F2} qps {qps:F0}   {scenario} (n={count}, hits/page {_hits / (double)count:F1})");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
