namespace Collaboration.Grains.Indexing;

/// <summary>
/// Implemented by a grain state that publishes index entries. Whenever the state is written, its entries are
/// replaced by what this returns, in the same atomic write, so an index never disagrees with acknowledged state.
/// </summary>
public interface IIndexedState
{
    IReadOnlyList<IndexEntry> GetIndexEntries(string key);
}
