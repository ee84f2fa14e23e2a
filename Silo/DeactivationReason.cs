namespace Collaboration.Silo;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>It was idle for longer than the collection age.</summary>
    IdleCollection,

    /// <summary>The grain asked for it with DeactivateOnIdle.</summary>
    Requested,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
}
