using System.Text.Json;
using Collaboration.Silo.Indexing;
using Collaboration.Silo.Storage;

namespace Collaboration.Silo.Runtime;

/// <summary>A grain's persistent state, serialised as JSON into the configured <see cref="IGrainStorage"/>.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IPersistentStateLoader
    where TState : class, new()
{
    private readonly GrainStateId _id;
    private readonly GrainId _grainId;
    private readonly IGrainStorage _storage;

    public PersistentState(GrainStateId id, GrainId grainId, IGrainStorage storage)
    {
        _id = id;
        _grainId = grainId;
        _storage = storage;
    }

    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_id, cancellationToken);
        if (record is null)
        {
            State = new();
            Etag = null;
            RecordExists = false;
            return;
        }

        State = JsonSerializer.Deserialize<TState>(record.Data, GrainStateSerializer.Options)
            ?? throw new InvalidDataException($"Stored state {_id} is null.");
        Etag = record.ETag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(State, GrainStateSerializer.Options);
        var entries = State is IIndexedState indexed ? indexed.GetIndexEntries(_grainId) : [];
        Etag = await _storage.WriteAsync(_id, data, Etag, entries, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await _storage.ClearAsync(_id, Etag, cancellationToken);
        State = new();
        Etag = null;
        RecordExists = false;
    }
}
