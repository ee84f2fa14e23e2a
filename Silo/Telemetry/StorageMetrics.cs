using System.Diagnostics.Metrics;

namespace Collaboration.Silo.Telemetry;

/// <summary>
/// The storage's instruments on the project's meter: SQLite's group commits and how many writes each holds, and
/// how long text searches take. They record nothing while no listener (metrics off) has enabled them.
/// </summary>
public sealed class StorageMetrics
{
    private static readonly KeyValuePair<string, object?> CommittedOutcome = new("outcome", "committed");
    private static readonly KeyValuePair<string, object?> FailedOutcome = new("outcome", "failed");

    private readonly Counter<long> _commits;
    private readonly Histogram<int> _commitWrites;
    private readonly Histogram<double> _searchDuration;

    public StorageMetrics(IMeterFactory meters)
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
    }

    /// <summary>Whether a listener wants search times (else the caller need not read the clock).</summary>
    public bool MeasuresSearches => _searchDuration.Enabled;

    public void Committed(int writes)
    {
        _commits.Add(1, CommittedOutcome);
        _commitWrites.Record(writes);
    }

    public void CommitFailed() => _commits.Add(1, FailedOutcome);

    public void Searched(string index, TimeSpan elapsed) =>
        _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("index", index));
}
