using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Api.Tests.Telemetry.Support;

/// <summary>Where the in-memory exporter puts finished spans: safe to read while background work still ends spans.</summary>
public sealed class ExportedSpans : ICollection<Activity>
{
    private readonly ConcurrentQueue<Activity> _spans = new();

    public int Count => _spans.Count;

    public bool IsReadOnly => false;

    public void Add(Activity item) => _spans.Enqueue(item);

    public void Clear() => _spans.Clear();

    public bool Contains(Activity item) => _spans.Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => _spans.CopyTo(array, arrayIndex);

    public bool Remove(Activity item) => throw new NotSupportedException("Spans are only ever added.");

    public IEnumerator<Activity> GetEnumerator() => _spans.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
