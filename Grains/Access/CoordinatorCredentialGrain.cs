using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Access;

[GrainType("coordinator-credential")]
public sealed class CoordinatorCredentialGrain([PersistentState("credential", GrainStorage.Name)] IPersistentState<CoordinatorCredentialState> credential,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, ICoordinatorCredentialGrain
{
    public Task<string?> GetKeyHashAsync() => Task.FromResult(credential.State.KeyHash);

    public async Task<string> InitializeAsync(string keyHash)
    {
        if (credential.State.KeyHash is { } existing)
        {
            return existing;
        }

        credential.State.KeyHash = keyHash;
        credential.State.CreatedAt = clock.GetUtcNow();
        await credential.WriteStateAsync();
        return keyHash;
    }
}
