using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage;

/// <summary>
/// A <see cref="SearchQuery"/> with its words folded as <see cref="TextWords"/> folds a document's, checked against a
/// document's words by the providers that do not have FTS5 (memory, Azure Table): a phrase of one word against the set
/// of its words; a longer phrase against the words in order, at adjacent positions, as FTS5 matches a phrase.
/// </summary>
internal sealed class TextSearch
{
    private readonly SearchQuery _query;
    private readonly Dictionary<SearchPhrase, FoldedPhrase> _phrases = new(ReferenceEqualityComparer.Instance);

    private TextSearch(SearchQuery query)
    {
        _query = query;
        foreach (var phrase in query.Groups.SelectMany(g => g).Concat(query.Excluded))
        {
            _phrases[phrase] = new FoldedPhrase(
                [.. phrase.Words.Select(w => TextWords.Fold(w.Text))],
                [.. phrase.Words.Select(w => w.IsPrefix)]);
        }
    }

    public SearchQuery Query => _query;

    /// <summary>The search of the text; null when the text has no word (no condition). Malformed text throws <see cref="ArgumentException"/>.</summary>
    public static TextSearch? Of(string? text)
    {
        var query = SearchQuery.Parse(text);
        return query.IsEmpty ? null : new TextSearch(query);
    }

    /// <summary>The folded words of a phrase of the query, and which of them are prefixes.</summary>
    public (string[] Words, bool[] Prefixes) Folded(SearchPhrase phrase)
    {
        var folded = _phrases[phrase];
        return (folded.Words, folded.Prefixes);
    }

    /// <summary>
    /// Whether a document matches. <paramref name="sequence"/> is its folded words in order; null for a document
    /// stored without them (by an earlier version), where a phrase matches when all its words occur.
    /// </summary>
    public bool Matches(IReadOnlyCollection<string> words, IReadOnlyList<string>? sequence) =>
        _query.Matches(phrase => _phrases[phrase].Occurs(words, sequence));

    private sealed record FoldedPhrase(string[] Words, bool[] Prefixes)
    {
        public bool Occurs(IReadOnlyCollection<string> held, IReadOnlyList<string>? sequence)
        {
            if (Words.Length == 1 || sequence is null)
            {
                for (var k = 0; k < Words.Length; k++)
                {
                    if (!Holds(held, k))
                    {
                        return false;
                    }
                }

                return true;
            }

            for (var start = 0; start + Words.Length <= sequence.Count; start++)
            {
                var k = 0;
                while (k < Words.Length && Fits(sequence[start + k], k))
                {
                    k++;
                }

                if (k == Words.Length)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Holds(IReadOnlyCollection<string> held, int k)
        {
            if (!Prefixes[k])
            {
                return held.Contains(Words[k]);
            }

            foreach (var word in held)
            {
                if (word.StartsWith(Words[k], StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Fits(string word, int k) =>
            Prefixes[k] ? word.StartsWith(Words[k], StringComparison.Ordinal) : string.Equals(word, Words[k], StringComparison.Ordinal);
    }
}
