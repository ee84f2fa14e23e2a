using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Idempotency;

[GrainType("idempotency")]
public sealed class IdempotencyGrain([PersistentState("response", GrainStorage.Name)] IPersistentState<IdempotencyState> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IIdempotencyGrain
{
    public Task<StoredResponse?> GetAsync(TimeSpan maxAge)
    {
        var response = record.State.Response;
        var fresh = response is not null && clock.GetUtcNow() - response.CreatedAt < maxAge;
        return Task.FromResult(fresh ? response : null);
    }

    public async Task SaveAsync(StoredResponse response)
    {
        record.State.Response = response;
        await record.WriteStateAsync();

        // Nothing calls this grain again soon unless a client retries; free the memory now.
        DeactivateOnIdle();
    }

    public async Task<bool> ForgetIfExpiredAsync(TimeSpan maxAge)
    {
        // Swept records are not called again; free the memory whatever the outcome.
        DeactivateOnIdle();
        if (record.State.Response is not { } response || clock.GetUtcNow() - response.CreatedAt < maxAge)
        {
            return false;
        }

        // Removes the state and its index entry in one write.
        await record.ClearStateAsync();
        return true;
    }
}
