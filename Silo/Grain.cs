using Collaboration.Silo.Runtime;

namespace Collaboration.Silo;

/// <summary>
/// Base class of grain implementations. The runtime creates one instance per activation and calls it one
/// turn at a time, so a grain's fields need no locks.
/// </summary>
public abstract class Grain
{
    private ActivationData? _activation;

    /// <summary>The identity of this activation's grain.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime;

    /// <summary>The clock of the silo; tests drive it.</summary>
    protected TimeProvider TimeProvider => Activation.Runtime.TimeProvider;

    private ActivationData Activation =>
        _activation ?? throw new InvalidOperationException("The grain is not attached to an activation yet; use OnActivateAsync, not the constructor.");

    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>Called after the grain's persistent state was read and before its first call runs.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation is collected or the silo stops. It is not called if the process dies.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this grain once the current call has finished.</summary>
    protected void DeactivateOnIdle() => Activation.DeactivateOnIdleRequested = true;

    internal void Attach(ActivationData activation) => _activation = activation;
}
