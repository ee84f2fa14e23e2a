using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// An index entry as the state row keeps it (to repair the index after a crash) and as each posting row carries it
/// (to filter and answer a query from one range scan): the text is kept as its distinct folded words, and as
/// <see cref="Sequence"/>, the text's words in order as indexes into <see cref="Words"/>, so that a phrase is checked
/// at adjacent positions. Entries stored before phrases have no sequence (null).
/// </summary>
internal sealed record StoredEntry(
    string Index, string DocumentId, long SortKey, IReadOnlyList<IndexTerm> Terms, IReadOnlyList<string> Words, string? Payload,
    IReadOnlyList<int>? Sequence = null)
{
    public static StoredEntry From(IndexEntry entry)
    {
        var words = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequence = new List<int>();
        foreach (var word in TextWords.Split(entry.Text).Select(TextWords.Fold))
        {
            if (!positions.TryGetValue(word, out var position))
            {
                positions[word] = position = words.Count;
                words.Add(word);
            }

            sequence.Add(position);
        }

        return new(entry.Index, entry.DocumentId, entry.SortKey, entry.Terms.Distinct().ToList(), words, entry.Payload, sequence);
    }

    public (string Index, string DocumentId) Key => (Index, DocumentId);

    public bool Matches(IReadOnlyList<IndexTerm> terms, TextSearch? search)
    {
        foreach (var term in terms)
        {
            if (!Terms.Contains(term))
            {
                return false;
            }
        }

        return search is null || search.Matches(Words, Sequence is null ? null : new WordSequence(Words, Sequence));
    }

    /// <summary>The text's words in order, read through the indexes without copying them.</summary>
    private sealed class WordSequence(IReadOnlyList<string> words, IReadOnlyList<int> sequence) : IReadOnlyList<string>
    {
        public string this[int index] => words[sequence[index]];

        public int Count => sequence.Count;

        public IEnumerator<string> GetEnumerator() => sequence.Select(i => words[i]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
