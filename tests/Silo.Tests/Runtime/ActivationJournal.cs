using System.Collections.Concurrent;

namespace Collaboration.Silo.Tests.Runtime;

/// <summary>What the test grains saw of their lifecycle, shared through DI.</summary>
public sealed class ActivationJournal
{
    private readonly ConcurrentQueue<string> _entries = new();

    public bool FailNextActivation { get; set; }

    public IReadOnlyCollection<string> Entries => _entries;

    public void Record(string entry) => _entries.Enqueue(entry);
}
