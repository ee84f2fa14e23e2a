using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Collaboration.Api.Hosting;

/// <summary>
/// A fixed window of permits per partition (an API key's hash, or a client address), counted without a lock.
/// The framework's partitioned limiter takes one lock per request for its table of partitions, which every request
/// of a two-core server queues on. Here a partition's window number and count share one 64-bit word, changed by
/// compare-and-swap, and partitions idle for a whole window are dropped once per window, so a client rotating
/// keys cannot grow the table beyond the requests of one window.
/// </summary>
internal sealed class FixedWindowPerKeyLimiter : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimitLease Granted = new Lease(isAcquired: true, retryAfter: null);

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Func<HttpContext, string> _partition;
    private readonly int _permitLimit;
    private readonly long _windowTicks;
    private readonly TimeProvider _time;
    private readonly long _startTicks;
    private long _sweptWindow;

    public FixedWindowPerKeyLimiter(Func<HttpContext, string> partition, int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _partition = partition;
        _permitLimit = permitLimit;
        _windowTicks = window.Ticks;
        _time = time;
        _startTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Partitions with a counter now (tests check that idle ones go).</summary>
    internal int PartitionCount => _counters.Count;

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        var now = _time.GetUtcNow().UtcTicks - _startTicks;
        var window = now / _windowTicks;
        SweepIfNewWindow(window);

        var counter = _counters.GetOrAdd(_partition(resource), static _ => new Counter());
        while (true)
        {
            var seen = Volatile.Read(ref counter.WindowAndCount);
            var (seenWindow, used) = Unpack(seen);
            if (seenWindow != window)
            {
                used = 0;
            }

            if ((long)used + permitCount > _permitLimit)
            {
                return new Lease(isAcquired: false, retryAfter: TimeSpan.FromTicks(((window + 1) * _windowTicks) - now));
            }

            if (Interlocked.CompareExchange(ref counter.WindowAndCount, Pack(window, used + permitCount), seen) == seen)
            {
                return Granted;
            }
        }
    }

    // Nothing queues: a request over its limit is answered 429 at once.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private void SweepIfNewWindow(long window)
    {
        var swept = Volatile.Read(ref _sweptWindow);
        if (swept >= window || Interlocked.CompareExchange(ref _sweptWindow, window, swept) != swept)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (Unpack(Volatile.Read(ref counter.WindowAndCount)).Window < window)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(key, counter));
            }
        }
    }

    // The window number since the limiter started in the high 32 bits (136 years of one-second windows), the
    // permits used in the low 32 (at most the limit, an int).
    private static long Pack(long window, int used) => (window << 32) | (uint)used;

    private static (long Window, int Used) Unpack(long value) => (value >> 32, (int)(value & 0xFFFF_FFFF));

    private sealed class Counter
    {
        public long WindowAndCount = -1;
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
