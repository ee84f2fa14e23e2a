using System.Collections.Concurrent;
using System.Reflection;

namespace Collaboration.Grains.Tests.Support;

/// <summary>An outgoing call filter of the cluster client that notes the grain interface methods called during a recording.</summary>
public sealed class ClientCallRecorder
{
    private ConcurrentQueue<MethodInfo>? _recording;

    /// <summary>Notes every grain method the client calls from now until the recording is disposed.</summary>
    public Recording Start()
    {
        var recording = new Recording(this);
        Volatile.Write(ref _recording, recording.Queue);
        return recording;
    }

    internal Task InvokeAsync(IOutgoingGrainCallContext context)
    {
        if (Volatile.Read(ref _recording) is { } queue && context.InterfaceMethod is { } method)
        {
            queue.Enqueue(method);
        }

        return context.Invoke();
    }

    public sealed class Recording(ClientCallRecorder recorder) : IDisposable
    {
        internal ConcurrentQueue<MethodInfo> Queue { get; } = new();

        /// <summary>The names of the methods of <paramref name="grainInterface"/> called so far, each once, in order.</summary>
        public IReadOnlyList<string> MethodsOf(Type grainInterface) =>
            Queue.Where(m => m.DeclaringType == grainInterface).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList();

        public void Dispose() => Interlocked.CompareExchange(ref recorder._recording, null, Queue);
    }
}
