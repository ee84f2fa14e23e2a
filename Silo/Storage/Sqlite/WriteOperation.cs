using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// One caller's change, waiting in the writer's queue. Its task completes only after the transaction that holds
/// the change has committed (or with the reason it was refused or lost).
/// </summary>
internal abstract class WriteOperation(CancellationToken cancellationToken)
{
    // Continuations run on the thread pool, never on the writer thread, which must go back to committing.
    private readonly TaskCompletionSource<string?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<string?> Completion => _completion.Task;

    /// <summary>Applies the change inside the batch's transaction; throws <see cref="InconsistentStateException"/> to refuse it.</summary>
    public abstract string? Apply(SqliteBatchWriter writer);

    public void Succeed(string? result) => _completion.TrySetResult(result);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);
}

internal sealed class WriteStateOperation(
    GrainStateId id,
    byte[] data,
    string? expectedETag,
    IndexEntry[] entries,
    CancellationToken cancellationToken) : WriteOperation(cancellationToken)
{
    public override string? Apply(SqliteBatchWriter writer)
    {
        writer.CheckETag(id, expectedETag);
        return Write(writer, id, data, entries);
    }

    /// <summary>Writes a state whose ETag has been checked, replacing its index entries; returns its new ETag.</summary>
    public static string Write(SqliteBatchWriter writer, GrainStateId id, byte[] data, IReadOnlyList<IndexEntry> entries)
    {
        var etag = writer.NextETag();
        writer.Unpublish(id);
        writer.Publish(id, entries as IndexEntry[] ?? [.. entries]);
        // After Publish: the state row lists the rowids of the documents just written.
        writer.UpsertState(id, data, etag);
        return etag;
    }
}

internal sealed class ClearStateOperation(GrainStateId id, string? expectedETag, CancellationToken cancellationToken)
    : WriteOperation(cancellationToken)
{
    public override string? Apply(SqliteBatchWriter writer)
    {
        writer.CheckETag(id, expectedETag);
        writer.DeleteState(id);
        writer.Unpublish(id);
        return null;
    }
}

internal sealed class AppendOperation(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken)
    : WriteOperation(cancellationToken)
{
    public override string? Apply(SqliteBatchWriter writer)
    {
        writer.Append(log, sequence, at, payload);
        return null;
    }
}

internal sealed class AppendBatchOperation(string log, LogRecord[] records, CancellationToken cancellationToken)
    : WriteOperation(cancellationToken)
{
    public override string? Apply(SqliteBatchWriter writer)
    {
        // One savepoint holds them all: the batch is appended whole or not at all.
        foreach (var record in records)
        {
            writer.Append(log, record.Sequence, record.At, record.Payload);
        }

        return null;
    }
}

/// <summary>
/// Log records, each with the state write it describes, under one savepoint: they commit together. A state whose ETag
/// is stale is left out with its record, and the records after it take the numbers that follow.
/// </summary>
internal sealed class AppendWithStatesOperation(string log, long firstSequence, LogAppend[] appends, CancellationToken cancellationToken)
    : WriteOperation(cancellationToken)
{
    public AppendOutcome[] Outcomes { get; } = new AppendOutcome[appends.Length];

    public override string? Apply(SqliteBatchWriter writer)
    {
        var sequence = firstSequence;
        for (var i = 0; i < appends.Length; i++)
        {
            string? etag = null;
            if (appends[i].State is { } state)
            {
                var id = StorageArguments.StateIdOf(state);
                try
                {
                    // Checked before the state changes anything, so a refusal needs no undo.
                    writer.CheckETag(id, state.ExpectedETag);
                }
                catch (InconsistentStateException refusal)
                {
                    Outcomes[i] = AppendOutcome.Refused(refusal);
                    continue;
                }

                etag = WriteStateOperation.Write(writer, id, state.Data, state.IndexEntries);
            }

            writer.Append(log, sequence, appends[i].At, appends[i].Payload(sequence));
            Outcomes[i] = new AppendOutcome(sequence++, etag, null);
        }

        return null;
    }
}

/// <summary>Changes nothing; a health check sends it to learn whether the writer can commit again.</summary>
internal sealed class ProbeOperation(CancellationToken cancellationToken) : WriteOperation(cancellationToken)
{
    public override string? Apply(SqliteBatchWriter writer) => null;
}
