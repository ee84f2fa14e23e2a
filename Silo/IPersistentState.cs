namespace Collaboration.Silo;

/// <summary>
/// A grain's persistent state. It is read when the grain activates and written only when the grain asks.
/// A write or clear whose <see cref="Etag"/> is stale throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IPersistentState<TState>
    where TState : class, new()
{
    TState State { get; set; }

    /// <summary>The version of the stored record this state was read from or last written as; null when none is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the state; completes only once the write is durable.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
