namespace Collaboration.Silo.Storage.Search;

/// <summary>The order a query walks an index's documents in: the index's own order, or its reverse.</summary>
internal sealed class WalkOrder(SearchIndex index, bool descending)
{
    public bool Descending { get; } = descending;

    /// <summary>Below zero when slot <paramref name="x"/> comes before slot <paramref name="y"/> in this walk.</summary>
    public int Compare(int x, int y) => Descending ? index.Compare(y, x) : index.Compare(x, y);
}
