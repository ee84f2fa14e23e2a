using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// An index entry as the state row keeps it (to repair the index after a crash) and as each posting row carries it
/// (to filter and answer a query from one range scan): the text is kept as its distinct folded words.
/// </summary>
internal sealed record StoredEntry(string Index, string DocumentId, long SortKey, IReadOnlyList<IndexTerm> Terms, IReadOnlyList<string> Words, string? Payload)
{
    public static StoredEntry From(IndexEntry entry) => new(
        entry.Index,
        entry.DocumentId,
        entry.SortKey,
        entry.Terms.Distinct().ToList(),
        TextWords.Split(entry.Text).Select(TextWords.Fold).Distinct(StringComparer.Ordinal).ToList(),
        entry.Payload);

    public (string Index, string DocumentId) Key => (Index, DocumentId);

    public bool Matches(IReadOnlyList<IndexTerm> terms, IReadOnlyList<string> words)
    {
        foreach (var term in terms)
        {
            if (!Terms.Contains(term))
            {
                return false;
            }
        }

        return TextWords.Holds(Words, words);
    }
}
