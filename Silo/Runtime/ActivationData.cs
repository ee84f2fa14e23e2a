namespace Collaboration.Silo.Runtime;

/// <summary>One activation of a grain: its instance and the gate that lets one call in at a time.</summary>
internal sealed class ActivationData
{
    public ActivationData(GrainId grainId, GrainRuntime runtime)
    {
        GrainId = grainId;
        Runtime = runtime;
    }

    public GrainId GrainId { get; }

    public GrainRuntime Runtime { get; }

    public bool DeactivateOnIdleRequested { get; set; }
}
