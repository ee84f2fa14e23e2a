using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Copies committed pages from the WAL into the database file on a thread and connection of its own. SQLite's
/// automatic checkpoint runs inside COMMIT, on the single writer thread that every write waits for: copying the
/// pages and fsyncing the file there held back every writer (about a third more writes per second without it).
/// A PASSIVE checkpoint never blocks the writer or the readers; what it cannot copy yet it copies next time.
/// Durability does not depend on it: a commit is durable in the WAL, which SQLite replays on open.
/// <para>
/// SQLite starts the WAL over only when a write transaction begins right after a checkpoint that copied everything.
/// Under continuous writes the writer always begins its next batch while this thread is still copying, so the WAL
/// would grow without end (and every read must look pages up in it). Once it holds <see cref="RestartFrames"/>
/// frames, the writer is asked to finish the checkpoint itself between two batches: the few frames left are quick
/// to copy, and its next transaction then starts the WAL over.
/// </para>
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>A checkpoint after this many commits, about SQLite's own 1,000 pages under load.</summary>
    internal const int CommitsPerCheckpoint = 8;

    /// <summary>Frames in the WAL (16 MiB of pages) past which the writer finishes a checkpoint so that the WAL starts over.</summary>
    internal const long RestartFrames = 4096;

    private readonly SqliteConnections _connections;
    private readonly Channel<bool> _due = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Thread _thread;
    private readonly Lock _waitersLock = new();
    private List<TaskCompletionSource> _waiters = [];
    private int _commits;
    private int _restartWanted;

    public SqliteCheckpointer(SqliteConnections connections)
    {
        _connections = connections;
        _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" };
        _thread.Start();
    }

    /// <summary>Called by the writer after each commit; every <see cref="CommitsPerCheckpoint"/>th asks for a checkpoint.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) >= CommitsPerCheckpoint)
        {
            _due.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Called by the writer between batches: when the WAL has grown past <see cref="RestartFrames"/>, finishes the
    /// checkpoint on the writer's own connection, outside any transaction, so that its next transaction starts the WAL over.
    /// </summary>
    public void FinishIfWalIsLong(SqliteConnection writer)
    {
        if (Interlocked.Exchange(ref _restartWanted, 0) == 0)
        {
            return;
        }

        // A failure here only leaves the WAL long for now; the next checkpoint asks again.
        try
        {
            SqliteConnections.Execute(writer, "PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (SqliteException)
        {
        }
    }

    /// <summary>Asks for a checkpoint now and completes when one has run (successfully or not).</summary>
    internal Task NextCheckpointAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            _waiters.Add(waiter);
        }

        _due.Writer.TryWrite(true);
        return waiter.Task;
    }

    public void Dispose()
    {
        _due.Writer.TryComplete();
        _thread.Join();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            // Blocking is right here: this thread exists only to checkpoint.
            while (_due.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                _due.Reader.TryRead(out _);
                Interlocked.Exchange(ref _commits, 0);
                List<TaskCompletionSource> waiters;
                lock (_waitersLock)
                {
                    (waiters, _waiters) = (_waiters, []);
                }

                connection = Checkpoint(connection);
                foreach (var waiter in waiters)
                {
                    waiter.TrySetResult();
                }
            }
        }
        finally
        {
            connection?.Dispose();
            lock (_waitersLock)
            {
                _waiters.ForEach(waiter => waiter.TrySetResult());
            }
        }
    }

    private SqliteConnection? Checkpoint(SqliteConnection? connection)
    {
        try
        {
            connection ??= _connections.Open(readOnly: false);
            using (var command = connection.CreateCommand())
            {
                // One row: busy, frames in the WAL, frames copied.
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                using var reader = command.ExecuteReader();
                if (reader.Read() && reader.GetInt64(1) >= RestartFrames)
                {
                    Volatile.Write(ref _restartWanted, 1);
                }
            }

            return connection;
        }
        catch (Exception)
        {
            // Busy, locked or the file is gone for now: the WAL keeps every commit, and the next checkpoint copies it.
            // Nothing may escape this thread: an exception there would end the process.
            connection?.Dispose();
            return null;
        }
    }
}
