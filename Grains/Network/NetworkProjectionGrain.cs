using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Network;

[GrainType("network-projection")]
public sealed class NetworkProjectionGrain(
    [PersistentState("projection", GrainStorage.Name)] IPersistentState<NetworkProjectionState> projection,
    IAppendLog log,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, INetworkProjectionGrain
{
    private const int PageSize = 500;

    /// <summary>
    /// The projection is a fold of the log, so it is stored only now and then (and on deactivation): after a crash it
    /// folds again from the position it stored. Storing it after every batch of activity rewrote a record the size of
    /// the network per batch of writes.
    /// </summary>
    internal const int CheckpointRecords = 1000;

    internal static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(30);

    private int _foldedSinceCheckpoint;
    private DateTimeOffset _lastCheckpoint = DateTimeOffset.MinValue;
    private const string Coordinator = "coordinator";
    private const string MunicipalitySubject = "municipality/";

    public async Task<NetworkProjection> GetAsync()
    {
        await CatchUpAsync();
        var state = projection.State;
        return new NetworkProjection(state.Position, new Dictionary<string, DateTimeOffset>(state.LastActivity, StringComparer.Ordinal));
    }

    public async Task<long> CatchUpAsync()
    {
        var state = projection.State;
        var folded = 0;
        while (true)
        {
            var records = await log.ReadActivityAsync(state.Position, PageSize);
            foreach (var record in records)
            {
                Fold(state, record);
                folded++;
            }

            if (records.Count < PageSize)
            {
                break;
            }
        }

        _foldedSinceCheckpoint += folded;
        if (_foldedSinceCheckpoint >= CheckpointRecords
            || (_foldedSinceCheckpoint > 0 && clock.GetUtcNow() - _lastCheckpoint >= CheckpointInterval))
        {
            await CheckpointAsync();
        }

        return state.Position;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_foldedSinceCheckpoint > 0)
        {
            await CheckpointAsync();
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await projection.WriteStateAsync();
        }
        catch
        {
            // The fold is ahead of what is stored (or the write committed unseen): start over from storage next time.
            DeactivateOnIdle();
            throw;
        }

        _foldedSinceCheckpoint = 0;
        _lastCheckpoint = clock.GetUtcNow();
    }

    /// <summary>Records arrive in sequence order; one already folded (a repeat after a crash) is skipped.</summary>
    internal static void Fold(NetworkProjectionState state, ActivityRecord record)
    {
        if (record.Seq <= state.Position)
        {
            return;
        }

        state.Position = record.Seq;
        if (record.Actor is { Length: > 0 } actor && actor != Coordinator)
        {
            Touch(state, actor, record.At);
        }

        if (record.Subject.StartsWith(MunicipalitySubject, StringComparison.Ordinal))
        {
            Touch(state, record.Subject[MunicipalitySubject.Length..], record.At);
        }
    }

    private static void Touch(NetworkProjectionState state, string municipalityId, DateTimeOffset at)
    {
        if (!state.LastActivity.TryGetValue(municipalityId, out var known) || at > known)
        {
            state.LastActivity[municipalityId] = at;
        }
    }
}
