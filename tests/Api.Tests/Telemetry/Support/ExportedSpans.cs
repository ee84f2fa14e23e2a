using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Api.Tests.Telemetry.Support;

/// <summary>
/// Where the in-memory exporter puts finished spans: safe to read while background work still ends spans, and able to
/// say when a span has ended. A client can read its response before the server's span for it ends, so a test that
/// flushes the exporters waits for that span first, or the flush may go out without it.
/// </summary>
public sealed class ExportedSpans : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(Func<Activity, bool> Matches, TaskCompletionSource<Activity> Ended)> _waiters = [];

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        _spans.Enqueue(item);
        lock (_waitersLock)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Matches(item)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Ended.TrySetResult(item);
            }
        }
    }

    /// <summary>The first span that <paramref name="matches"/>, once it has ended (at once if it already has).</summary>
    public Task<Activity> EndedAsync(Func<Activity, bool> matches)
    {
        var ended = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            var span = _spans.FirstOrDefault(matches);
            if (span is not null)
            {
                return Task.FromResult(span);
            }

            _waiters.Add((matches, ended));
        }

        return ended.Task;
    }

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => _spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException("Spans are only ever added.");

    public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
