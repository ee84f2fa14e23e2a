namespace Collaboration.Silo.Storage.Search;

/// <summary>The order a query walks an index's documents in: the index's own order, or its reverse.</summary>
internal sealed class WalkOrder(SearchIndex index, long[] sortKeys, bool descending)
{
    public bool Descending { get; } = descending;

    /// <summary>Below zero when slot <paramref name="x"/> comes before slot <paramref name="y"/> in this walk.</summary>
    public int Compare(int x, int y) => Descending ? index.Compare(y, x) : index.Compare(x, y);

    /// <summary>The sort key of a slot, read once by a walk that compares many slots with it.</summary>
    public long SortKey(int slot) => sortKeys[slot];

    /// <summary>
    /// Whether <paramref name="slot"/> comes before <paramref name="target"/> in this walk, given the target's sort key:
    /// a skip compares many slots with one target, and sort keys rarely tie, so the target's own row is read once.
    /// </summary>
    public bool Before(int slot, int target, long targetSortKey)
    {
        var sortKey = sortKeys[slot];
        if (sortKey != targetSortKey)
        {
            return Descending ? sortKey > targetSortKey : sortKey < targetSortKey;
        }

        return Compare(slot, target) < 0;
    }
}
