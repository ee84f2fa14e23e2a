namespace Collaboration.Silo.Runtime;

/// <summary>
/// The grains the current asynchronous flow is inside of, innermost first. A grain runs one call at a time,
/// so calling a grain already in the chain would wait on itself: the runtime refuses it at once.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    private CallChain(GrainId grain, CallChain? caller)
    {
        Grain = grain;
        Caller = caller;
    }

    public static CallChain? Current => CurrentChain.Value;

    public GrainId Grain { get; }

    public CallChain? Caller { get; }

    /// <summary>Enters <paramref name="grain"/> in the current flow; the caller's flow is untouched once the async method returns.</summary>
    public static void Enter(GrainId grain) => CurrentChain.Value = new CallChain(grain, CurrentChain.Value);

    /// <summary>The cycle that calling <paramref name="target"/> would close, or null when it closes none.</summary>
    public static IReadOnlyList<GrainId>? FindCycle(CallChain? chain, GrainId target)
    {
        // Every call asks, and almost none closes a cycle: walk first, and build the path only for one that does.
        var node = chain;
        while (node is not null && node.Grain != target)
        {
            node = node.Caller;
        }

        if (node is null)
        {
            return null;
        }

        var path = new List<GrainId>();
        for (var step = chain; step != node.Caller; step = step!.Caller)
        {
            path.Add(step!.Grain);
        }

        path.Reverse();
        path.Add(target);
        return path;
    }
}
