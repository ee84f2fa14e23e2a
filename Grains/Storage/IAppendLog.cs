namespace Collaboration.Grains.Storage;

/// <summary>
/// Durable, ordered logs of records numbered by their writer (the activity log of the network). Sequence
/// numbers are chosen by the single writer of a log, so a log is gapless when its writer is.
/// </summary>
public interface IAppendLog
{
    /// <summary>Appends one record; completes once durable. Throws <see cref="InconsistentStateException"/> if the sequence number is taken.</summary>
    Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends records in order (one writer's batch, so many records cost one commit). On failure no record is
    /// durable without every record before it: all or none where the provider can (SQLite, memory), else a prefix.
    /// </summary>
    Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends records numbered from <paramref name="firstSequence"/>, each committed together with the state write it
    /// describes, so that a change and its record are durable together: one commit for both where the provider can
    /// (SQLite, memory: all or none), else each state before the records (Azure Table). A state write refused for a
    /// stale ETag is reported in its <see cref="AppendOutcome"/> and takes no sequence number: the numbers stay gapless.
    /// Any other failure fails the whole call.
    /// </summary>
    Task<IReadOnlyList<AppendOutcome>> AppendWithStatesAsync(
        string log, long firstSequence, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>Records with a sequence number greater than <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number in the log, or 0 when it is empty.</summary>
    Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default);
}
