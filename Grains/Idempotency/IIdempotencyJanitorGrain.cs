namespace Collaboration.Grains.Idempotency;

/// <summary>
/// Deletes the stored answers of <c>Idempotency-Key</c> POSTs once they are past <see cref="IdempotencyRetention.Period"/>:
/// one grain (key <see cref="Key"/>) for the whole cluster, woken by an Orleans reminder every hour, so the work is done
/// once however many silos and fronts there are.
/// </summary>
public interface IIdempotencyJanitorGrain : IGrainWithStringKey
{
    const string Key = "network";

    /// <summary>Registers the hourly reminder unless it is there. Every silo asks at start; the reminder table keeps one.</summary>
    Task EnsureScheduledAsync();

    /// <summary>Deletes every expired answer now, oldest first; returns how many it deleted.</summary>
    Task<int> SweepAsync();
}
