namespace Collaboration.Silo;

/// <summary>
/// A call would wait on itself: a non-reentrant grain already in the current call chain was called again
/// (A calls B calls A). Thrown at once instead of deadlocking.
/// </summary>
public sealed class GrainCallCycleException : Exception
{
    public GrainCallCycleException(IReadOnlyList<GrainId> cycle)
        : base($"Grain call cycle: {string.Join(" -> ", cycle)}. The grain is busy with the call that led here, so this call would wait forever.")
    {
        Cycle = cycle;
    }

    public GrainCallCycleException()
        : this([])
    {
    }

    public GrainCallCycleException(string message)
        : base(message)
    {
        Cycle = [];
    }

    public GrainCallCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Cycle = [];
    }

    /// <summary>The grains of the cycle, from the first call of the repeated grain to the call that closed the cycle.</summary>
    public IReadOnlyList<GrainId> Cycle { get; }
}
