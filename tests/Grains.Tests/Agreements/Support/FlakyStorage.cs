using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Grains.Tests.Agreements.Support;

/// <summary>The memory storage, with switches that make state writes or log appends fail as an outage would.</summary>
internal sealed class FlakyStorage : IGrainStateStore, IGrainIndex, IAppendLog
{
    private readonly MemoryStorage _inner = new();

    public bool FailStateWrites { get; set; }

    public bool FailLogAppends { get; set; }

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(id, cancellationToken);

    public Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<IndexEntry> indexEntries,
        CancellationToken cancellationToken = default) =>
        FailStateWrites
            ? throw new StorageUnavailableException("State writes are switched off by the test.")
            : _inner.WriteAsync(id, data, expectedETag, indexEntries, cancellationToken);

    public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default) =>
        _inner.ClearAsync(id, expectedETag, cancellationToken);

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        _inner.QueryAsync(query, cancellationToken);

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default) =>
        _inner.CountAsync(query, cancellationToken);

    public Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default) =>
        FailLogAppends
            ? throw new StorageUnavailableException("Log appends are switched off by the test.")
            : _inner.AppendAsync(log, sequence, at, payload, cancellationToken);

    public Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default) =>
        FailLogAppends
            ? throw new StorageUnavailableException("Log appends are switched off by the test.")
            : _inner.AppendAsync(log, records, cancellationToken);

    public Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(log, after, limit, cancellationToken);

    public Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default) =>
        _inner.GetLastSequenceAsync(log, cancellationToken);
}
