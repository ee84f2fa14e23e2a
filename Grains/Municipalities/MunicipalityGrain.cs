using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Municipalities;

[GrainType("municipality")]
public sealed class MunicipalityGrain([PersistentState("municipality", GrainStorage.Name)] IPersistentState<MunicipalityState> municipality,
    IGrainIndex index, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IMunicipalityGrain
{
    // The last view: reused while the record is at the same version and the indexes hand back the very same answers.
    private MunicipalityView? _lastView;

    private string Id => this.GetPrimaryKeyString();

    public async Task<MunicipalitySnapshot> CreateAsync(MunicipalityProfile profile, string apiKeyHash, Actor actor, string? creationRequest = null)
    {
        if (municipality.State.Profile is not null)
        {
            if (creationRequest is not null
                && municipality.State.CreationRequest == creationRequest
                && clock.GetUtcNow() - municipality.State.CreatedAt < IdempotencyRetention.Period)
            {
                // The same request again, its answer (and so its key) lost: finish it with the key made now.
                await ReplaceApiKeyAsync(apiKeyHash);
                return Snapshot();
            }

            throw new ConflictException($"A partner with id '{Id}' already exists.");
        }

        // The key is bound first: a crash after it leaves an unusable key for a partner that does not exist,
        // never a partner without a working key.
        await GrainFactory.GetGrain<IApiKeyGrain>(apiKeyHash).BindAsync(Id);
        var now = clock.GetUtcNow();
        municipality.State.Profile = profile;
        municipality.State.CreatedAt = now;
        municipality.State.UpdatedAt = now;
        municipality.State.ApiKeyHash = apiKeyHash;
        municipality.State.CreationRequest = creationRequest;
        await municipality.WriteStateAndRecordAsync("municipality.created", actor, $"municipality/{Id}", $"{profile.Name} ({profile.Country}) joined the network");
        return Snapshot();
    }

    public Task<MunicipalitySnapshot?> GetAsync() =>
        Task.FromResult(municipality.State.Profile is null ? null : Snapshot());

    public async Task<MunicipalityView?> GetViewAsync()
    {
        if (municipality.State.Profile is null)
        {
            return null;
        }

        // From the indexes, which are written with the grains' states: a project or an agreement names its partners,
        // the partner does not keep a copy.
        var projects = await index.QueryIdsAsync(new IndexQuery(IndexNames.Projects) { Terms = [new IndexTerm("partner", Id)], Descending = false });
        var agreements = await index.QueryIdsAsync(new IndexQuery(IndexNames.Agreements) { Terms = [new IndexTerm("party", Id)], Descending = false });
        if (_lastView is { } last && last.Snapshot.Version == municipality.Etag
            && ReferenceEquals(last.Projects, projects) && ReferenceEquals(last.Agreements, agreements))
        {
            return last;
        }

        return _lastView = new MunicipalityView(Snapshot(), projects, agreements);
    }

    public async Task<MunicipalitySnapshot> UpdateProfileAsync(MunicipalityProfile profile, string? expectedVersion, Actor actor)
    {
        EnsureExists();
        if (!actor.IsCoordinator && !actor.Is(Id))
        {
            throw new ForbiddenException($"Only '{Id}' itself or the coordinator may change this profile.");
        }

        if (expectedVersion is not null && expectedVersion != municipality.Etag)
        {
            throw new PreconditionFailedException($"The profile of '{Id}' changed since version {expectedVersion}; read it again.");
        }

        municipality.State.Profile = profile;
        municipality.State.UpdatedAt = clock.GetUtcNow();
        await municipality.WriteStateAndRecordAsync("municipality.updated", actor, $"municipality/{Id}", $"{profile.Name} updated its profile");
        return Snapshot();
    }

    public async Task RotateApiKeyAsync(string newKeyHash, Actor actor)
    {
        EnsureExists();
        if (municipality.State.DeactivatedAt is not null)
        {
            throw new ConflictException($"'{Id}' is deactivated; reactivate it before issuing a key.");
        }

        await ReplaceApiKeyAsync(newKeyHash,
            new ActivityEntry("municipality.keyRotated", actor.ToString(), $"municipality/{Id}", $"A new API key was issued to {municipality.State.Profile!.Name}"));
    }

    public async Task<MunicipalitySnapshot> DeactivateAsync(Actor actor)
    {
        EnsureCoordinator(actor);
        if (municipality.State.DeactivatedAt is not null)
        {
            return Snapshot();
        }

        // The key goes first: a crash in between leaves an active partner without a working key (reactivating binds
        // it again), never a deactivated one whose key still works.
        if (municipality.State.ApiKeyHash is { } hash)
        {
            await GrainFactory.GetGrain<IApiKeyGrain>(hash).RevokeAsync();
        }

        municipality.State.DeactivatedAt = clock.GetUtcNow();
        municipality.State.UpdatedAt = municipality.State.DeactivatedAt.Value;
        await municipality.WriteStateAndRecordAsync("municipality.deactivated", actor, $"municipality/{Id}", $"{municipality.State.Profile!.Name} was deactivated");
        return Snapshot();
    }

    public async Task<MunicipalitySnapshot> ReactivateAsync(Actor actor)
    {
        EnsureCoordinator(actor);
        var wasDeactivated = municipality.State.DeactivatedAt is not null;
        if (wasDeactivated)
        {
            municipality.State.DeactivatedAt = null;
            municipality.State.UpdatedAt = clock.GetUtcNow();
            await municipality.WriteStateAndRecordAsync(
                "municipality.reactivated", actor, $"municipality/{Id}", $"{municipality.State.Profile!.Name} was reactivated");
        }

        // Bound after the write, and again on a repeated reactivation: that mends a crash between the two steps of
        // either change, which leaves an active partner whose key is revoked.
        if (municipality.State.ApiKeyHash is { } hash)
        {
            await GrainFactory.GetGrain<IApiKeyGrain>(hash).BindAsync(Id);
        }

        return Snapshot();
    }

    private void EnsureCoordinator(Actor actor)
    {
        EnsureExists();
        if (!actor.IsCoordinator)
        {
            throw new ForbiddenException("Only the coordinator may deactivate or reactivate a partner.");
        }
    }

    /// <param name="activity">The record of the change, committed with it; none when a retried creation binds the key again.</param>
    private async Task ReplaceApiKeyAsync(string newKeyHash, ActivityEntry? activity = null)
    {
        var previous = municipality.State.ApiKeyHash;
        await GrainFactory.GetGrain<IApiKeyGrain>(newKeyHash).BindAsync(Id);

        // Revoked before the new hash is recorded: a crash in between leaves no working key (the coordinator
        // issues another), never two.
        if (previous is not null && previous != newKeyHash)
        {
            await GrainFactory.GetGrain<IApiKeyGrain>(previous).RevokeAsync();
        }

        municipality.State.ApiKeyHash = newKeyHash;
        municipality.State.UpdatedAt = clock.GetUtcNow();
        if (activity is null)
        {
            await municipality.WriteStateAsync();
        }
        else
        {
            await municipality.WriteStateAndRecordAsync(activity);
        }
    }

    private void EnsureExists()
    {
        if (municipality.State.Profile is null)
        {
            throw new ResourceNotFoundException("partner", Id);
        }
    }

    private MunicipalitySnapshot Snapshot() => new(
        Id,
        municipality.State.Profile!,
        municipality.State.CreatedAt,
        municipality.State.UpdatedAt,
        municipality.Etag!,
        municipality.State.DeactivatedAt);
}
