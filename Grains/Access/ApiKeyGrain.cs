using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Access;

[GrainType("api-key")]
public sealed class ApiKeyGrain([PersistentState("key", GrainStorage.Name)] IPersistentState<ApiKeyState> key,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IApiKeyGrain
{
    public Task<string?> GetMunicipalityAsync() =>
        Task.FromResult(key.State.RevokedAt is null ? key.State.MunicipalityId : null);

    public async Task BindAsync(string municipalityId)
    {
        if (key.State.MunicipalityId is not null && key.State.MunicipalityId != municipalityId)
        {
            // 256-bit keys do not collide; this guards against a bug handing one key to two partners.
            throw new InvalidOperationException("This API key is already bound to another partner.");
        }

        key.State.MunicipalityId = municipalityId;
        key.State.IssuedAt ??= clock.GetUtcNow();
        key.State.RevokedAt = null;
        await key.WriteStateAsync();
    }

    public async Task RevokeAsync()
    {
        if (key.State.MunicipalityId is null || key.State.RevokedAt is not null)
        {
            return;
        }

        key.State.RevokedAt = clock.GetUtcNow();
        await key.WriteStateAsync();
    }
}
