using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Grains.Tests.Support;

/// <summary>
/// The silo's memory storage as grain state store and append log, with switches that make state writes or log appends
/// fail as an outage would. The switches are the whole silo's: a test that turns one on turns it off when it ends.
/// </summary>
public sealed class FlakyStorage(MemoryStorage inner) : IGrainStateStore, IAppendLog
{
    private volatile bool _failStateWrites;
    private volatile bool _failLogAppends;

    public bool FailStateWrites
    {
        get => _failStateWrites;
        set => _failStateWrites = value;
    }

    public bool FailLogAppends
    {
        get => _failLogAppends;
        set => _failLogAppends = value;
    }

    /// <summary>What the failures tell callers about when to retry.</summary>
    public TimeSpan RetryAfter { get; set; } = new StorageUnavailableException().RetryAfter;

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(id, cancellationToken);

    public Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<Indexing.IndexEntry> indexEntries,
        CancellationToken cancellationToken = default) =>
        FailStateWrites
            ? throw new StorageUnavailableException("State writes are switched off by the test.") { RetryAfter = RetryAfter }
            : inner.WriteAsync(id, data, expectedETag, indexEntries, cancellationToken);

    public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default) =>
        inner.ClearAsync(id, expectedETag, cancellationToken);

    public Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default) =>
        FailLogAppends
            ? throw new StorageUnavailableException("Log appends are switched off by the test.") { RetryAfter = RetryAfter }
            : inner.AppendAsync(log, sequence, at, payload, cancellationToken);

    public Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default) =>
        FailLogAppends
            ? throw new StorageUnavailableException("Log appends are switched off by the test.") { RetryAfter = RetryAfter }
            : inner.AppendAsync(log, records, cancellationToken);

    public Task<IReadOnlyList<AppendOutcome>> AppendWithStatesAsync(
        string log, long firstSequence, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default) =>
        FailLogAppends || (FailStateWrites && appends.Any(append => append.State is not null))
            ? throw new StorageUnavailableException("Writes are switched off by the test.") { RetryAfter = RetryAfter }
            : inner.AppendWithStatesAsync(log, firstSequence, appends, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(log, after, limit, cancellationToken);

    public Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default) =>
        inner.GetLastSequenceAsync(log, cancellationToken);
}
