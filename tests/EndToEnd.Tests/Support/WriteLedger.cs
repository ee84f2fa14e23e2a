using System.Collections.Concurrent;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>Every write of a crash test, across its kill cycles, and the count of acknowledgements that triggers the kill.</summary>
public sealed class WriteLedger
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();
    private int _acknowledged;
    private int _killAt = int.MaxValue;
    private TaskCompletionSource _killSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LedgerEntry> Entries => [.. _entries];

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Completes when <paramref name="acknowledgements"/> more writes have been acknowledged.</summary>
    public Task ArmKill(int acknowledgements)
    {
        _killSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _killAt, Acknowledged + acknowledgements);
        return _killSignal.Task;
    }

    public void Add(LedgerEntry entry) => _entries.Enqueue(entry);

    public void Acknowledge(LedgerEntry entry, int status, string answer)
    {
        entry.Status = status;
        entry.Answer = answer;
        entry.Outcome = WriteOutcome.Acknowledged;
        if (Interlocked.Increment(ref _acknowledged) >= Volatile.Read(ref _killAt))
        {
            _killSignal.TrySetResult();
        }
    }
}
