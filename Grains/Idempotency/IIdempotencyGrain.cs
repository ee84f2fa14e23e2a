using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Idempotency;

/// <summary>
/// The remembered answer to one POST sent with an <c>Idempotency-Key</c>, keyed by a hash of (caller, route, key).
/// </summary>
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>The stored answer if it is younger than <paramref name="maxAge"/>.</summary>
    Task<StoredResponse?> GetAsync(TimeSpan maxAge);

    Task SaveAsync(StoredResponse response);

    /// <summary>Deletes the stored answer if it is at least <paramref name="maxAge"/> old; true when it did.</summary>
    Task<bool> ForgetIfExpiredAsync(TimeSpan maxAge);
}
