using System.Diagnostics.Metrics;

namespace Collaboration.Silo.Telemetry;

/// <summary>
/// The project's own instruments, on its meter <see cref="CollaborationTelemetry.MeterName"/>: SQLite's group commits
/// and the writes each holds, text search times, live activity streams, replayed idempotent answers and requests the
/// rate limiter refused. They record nothing while no listener (metrics off) has enabled them.
/// </summary>
public sealed class CollaborationMetrics
{
    private static readonly KeyValuePair<string, object?> Committed = new("outcome", "committed");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failed");
    private static readonly KeyValuePair<string, object?> ByKey = new("partition", "key");
    private static readonly KeyValuePair<string, object?> ByAddress = new("partition", "address");

    private readonly Counter<long> _commits;
    private readonly Histogram<int> _commitWrites;
    private readonly Histogram<double> _searchDuration;
    private readonly UpDownCounter<long> _streamListeners;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _rateLimited;

    public CollaborationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CollaborationTelemetry.MeterName);
        _commits = meter.CreateCounter<long>(
            "collaboration.storage.commits",
            "{commit}",
            "SQLite transactions of the writer, by outcome; each holds the writes that were queued together (group commit).");
        _commitWrites = meter.CreateHistogram(
            "collaboration.storage.commit.writes",
            "{write}",
            "Writes (states, log records) per committed SQLite transaction.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
        _searchDuration = meter.CreateHistogram(
            "collaboration.search.duration",
            "s",
            "Time to answer a text search of an index (the words of a q), cached answers included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _streamListeners = meter.CreateUpDownCounter<long>(
            "collaboration.activity_stream.listeners", "{listener}", "Clients following /network/activity/stream now.");
        _replays = meter.CreateCounter<long>(
            "collaboration.idempotency.replays", "{response}", "POSTs answered with the stored answer of an earlier request with the same Idempotency-Key.");
        _rateLimited = meter.CreateCounter<long>(
            "collaboration.rate_limit.rejections", "{request}", "Requests answered 429, by what their window belongs to: an API key or a client address.");
    }

    /// <summary>Whether a listener wants search times (else the caller need not read the clock).</summary>
    public bool MeasuresSearches => _searchDuration.Enabled;

    public void CommitSucceeded(int writes)
    {
        _commits.Add(1, Committed);
        _commitWrites.Record(writes);
    }

    public void CommitFailed() => _commits.Add(1, Failed);

    public void Searched(string index, TimeSpan elapsed) =>
        _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("index", index));

    public void StreamOpened() => _streamListeners.Add(1);

    public void StreamClosed() => _streamListeners.Add(-1);

    public void Replayed() => _replays.Add(1);

    public void RateLimited(bool byKey) => _rateLimited.Add(1, byKey ? ByKey : ByAddress);
}
