using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Storage;

/// <summary>Checks and results shared by the providers, so that they refuse and answer alike.</summary>
internal static class StorageArguments
{
    public static void Validate(GrainStateId id)
    {
        if (id.GrainType is null || id.GrainKey is null || id.StateName is null)
        {
            throw new ArgumentException("A grain state id needs a grain type, a key and a state name.", nameof(id));
        }
    }

    public static void Validate(IReadOnlyList<IndexEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry?.Index is null || entry.DocumentId is null || entry.Terms is null || entry.Terms.Any(t => t.Field is null || t.Value is null))
            {
                throw new ArgumentException("An index entry needs an index, a document id and terms with a field and a value.", nameof(entries));
            }
        }
    }

    public static void Validate(IndexQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Index is null || query.Terms is null || query.Terms.Any(t => t.Field is null || t.Value is null))
        {
            throw new ArgumentException("A query needs an index and terms with a field and a value.", nameof(query));
        }

        if (query.After is { DocumentId: null })
        {
            throw new ArgumentException("A cursor needs a document id.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));

        // Every provider refuses a malformed search alike, whether or not its index has documents.
        if (!SearchQuery.TryParse(query.Text, out _, out var malformed))
        {
            throw new ArgumentException($"The query's text is not a search: {malformed}", nameof(query));
        }
    }

    public static void ValidateAppend(string log, long sequence, string payload)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(payload);
        // 0 means "empty" to GetLastSequenceAsync, so real records start at 1.
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
    }

    public static void ValidateAppends(string log, long firstSequence, IReadOnlyList<LogAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstSequence, 1);
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append?.Payload, nameof(appends));
            if (append.State is { } state)
            {
                Validate(StateIdOf(state));
                ArgumentNullException.ThrowIfNull(state.Data, nameof(appends));
                ArgumentNullException.ThrowIfNull(state.IndexEntries, nameof(appends));
                Validate(state.IndexEntries);
            }
        }
    }

    public static GrainStateId StateIdOf(StateWrite state) => new(state.GrainType, state.GrainKey, state.StateName);

    public static InconsistentStateException ETagMismatch(GrainStateId id, string? storedETag, string? expectedETag) =>
        new(
            storedETag is null
                ? $"No state is stored for {id}, but the writer expected ETag '{expectedETag}'."
                : expectedETag is null
                    ? $"A state is already stored for {id} (ETag '{storedETag}'), but the writer expected none."
                    : $"The state of {id} has ETag '{storedETag}', but the writer expected '{expectedETag}'.",
            storedETag,
            expectedETag);

    /// <summary>How many hits to fetch for a page: one more than the limit tells whether a next page exists.</summary>
    public static int FetchCount(int limit) => limit == int.MaxValue ? limit : limit + 1;

    /// <summary>Turns up to limit + 1 hits into a page: the extra hit only tells that a next page exists.</summary>
    public static IndexPage ToPage(List<IndexHit> hits, int limit)
    {
        if (hits.Count <= limit)
        {
            return new IndexPage(hits, null);
        }

        hits.RemoveRange(limit, hits.Count - limit);
        return new IndexPage(hits, hits[^1].Cursor);
    }
}
