using System.Text.Json;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Orleans;

/// <summary>
/// Orleans grain storage over one of the project's stores: a state is kept as the project's own JSON
/// (<see cref="GrainStateSerializer"/>) under its grain type, key and state name, and a state that publishes
/// index entries (<see cref="IIndexedState"/>) has them replaced in the same atomic write. A stale ETag is refused
/// with Orleans's <see cref="InconsistentStateException"/>, so Orleans deactivates the grain and the next call re-reads.
/// A write that carries an activity entry (<see cref="ActivityWithStateWrite"/>) goes to the activity log's grain,
/// which commits state and record together.
/// </summary>
internal sealed class IndexedGrainStorage(IGrainStateStore store, IGrainFactory grains) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = StateId(stateName, grainId);
        var record = await store.ReadAsync(id);
        if (record is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize<T>(record.Data, GrainStateSerializer.Options)
            ?? throw new InvalidDataException($"Stored state {id} is null.");
        grainState.ETag = record.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(grainState.State, GrainStateSerializer.Options);
        var entries = grainState.State is IIndexedState indexed ? indexed.GetIndexEntries(grainId.Key.ToString()!) : [];
        var id = StateId(stateName, grainId);
        if (ActivityWithStateWrite.Take() is { } activity)
        {
            var written = await grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key)
                .AppendWithStateAsync(activity.Entry, new StateWrite(id.GrainType, id.GrainKey, id.StateName, data, grainState.ETag, entries));
            grainState.ETag = written.ETag;
            activity.Record = written.Record;
        }
        else
        {
            grainState.ETag = await store.WriteAsync(id, data, grainState.ETag, entries);
        }

        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.ClearAsync(StateId(stateName, grainId), grainState.ETag);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The grain type is the name in <c>[GrainType]</c>, so states written before the move to Orleans are found again.</summary>
    internal static GrainStateId StateId(string stateName, GrainId grainId) =>
        new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);
}
