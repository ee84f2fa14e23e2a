using System.Text;
using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// One index's documents held in memory for answering queries: each document in a slot with its sort key, its id, its
/// payload (UTF-8), its term numbers and its folded words in order; each term and each word with the
/// <see cref="PostingList"/> of the documents having it, in the index's order. A query intersects the posting lists of
/// its terms and of the words of each group (a union for OR and prefixes), skipping ahead from its cursor in its
/// direction, and reads a document's words in order only for what the lists cannot tell (phrases, prefixes of many
/// words, exclusions), until the page is full. Not thread-safe: <see cref="SearchIndexes"/> locks.
/// </summary>
internal sealed class SearchIndex : IComparer<int>
{
    // A prefix expanding to more words than this is not walked word by word; its documents are checked one by one.
    private const int MaxPrefixListsToWalk = 64;

    private readonly Dictionary<string, int> _slotsByDocument = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<IndexTerm, int> _termIds = [];
    private readonly List<PostingList> _termPostings = [];
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    private readonly List<PostingList> _wordPostings = [];
    private readonly SortedSet<string> _sortedWords = new(StringComparer.Ordinal);
    private readonly PostingList _all = new();
    private string?[] _documentIds = [];
    private long[] _sortKeys = [];
    private byte[]?[] _payloads = [];
    private int[][] _terms = [];
    private int[][] _sequences = [];
    private int _slotCount;

    public int Count => _all.Count;

    /// <summary>Compares two slots in the index's order.</summary>
    public int Compare(int x, int y)
    {
        if (x == y)
        {
            return 0;
        }

        // Sort keys rarely tie, so the ids are seldom read.
        var order = _sortKeys[x].CompareTo(_sortKeys[y]);
        return order != 0 ? order : DocumentOrder.CompareCodePoints(_documentIds[x]!, _documentIds[y]!);
    }

    public void Remove(string documentId)
    {
        if (!_slotsByDocument.Remove(documentId, out var slot))
        {
            return;
        }

        foreach (var term in _terms[slot])
        {
            _termPostings[term].Remove(slot, this);
        }

        foreach (var word in Distinct(_sequences[slot]))
        {
            _wordPostings[word].Remove(slot, this);
        }

        _all.Remove(slot, this);
        _documentIds[slot] = null;
        _payloads[slot] = null;
        _terms[slot] = [];
        _sequences[slot] = [];
        _freeSlots.Push(slot);
    }

    /// <summary>Adds (or replaces) a document, its words given as the text's words in order.</summary>
    public void Add(IndexEntry entry)
    {
        Remove(entry.DocumentId);
        var words = TextWords.Split(entry.Text);
        var sequence = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            sequence[i] = WordId(TextWords.Fold(words[i]));
        }

        var slot = Place(entry.DocumentId, entry.SortKey, entry.Payload is { } payload ? Encoding.UTF8.GetBytes(payload) : null, TermIds(entry.Terms), sequence);
        Post(slot);
    }

    /// <summary>Places a document without posting it (the start's fill posts every document at once, in order).</summary>
    public int Place(string documentId, long sortKey, byte[]? payload, int[] terms, int[] sequence)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        _documentIds[slot] = documentId;
        _sortKeys[slot] = sortKey;
        _payloads[slot] = payload;
        _terms[slot] = terms;
        _sequences[slot] = sequence;
        _slotsByDocument[documentId] = slot;
        return slot;
    }

    public void SetTerms(int slot, int[] terms) => _terms[slot] = terms;

    public void SetSequence(int slot, int[] sequence) => _sequences[slot] = sequence;

    /// <summary>Posts every placed document, in the index's order so that every posting list only appends.</summary>
    public void PostAllPlaced()
    {
        var slots = _slotsByDocument.Values.ToArray();
        Array.Sort(slots, this);
        foreach (var slot in slots)
        {
            Post(slot);
        }

        _all.Trim();
        foreach (var list in _termPostings)
        {
            list.Trim();
        }

        foreach (var list in _wordPostings)
        {
            list.Trim();
        }
    }

    public int TermId(IndexTerm term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _termPostings.Count;
            _termIds[term] = id;
            _termPostings.Add(new PostingList());
        }

        return id;
    }

    public int WordId(string folded)
    {
        if (!_wordIds.TryGetValue(folded, out var id))
        {
            id = _words.Count;
            _wordIds[folded] = id;
            _words.Add(folded);
            _wordPostings.Add(new PostingList());
            _sortedWords.Add(folded);
        }

        return id;
    }

    /// <summary>The page's documents (up to <paramref name="fetch"/>) in the query's order after its cursor.</summary>
    public List<SearchHit> Query(IndexQuery query, SearchQuery text, int fetch)
    {
        var hits = new List<SearchHit>(Math.Min(fetch, 64));
        if (Compile(query, text) is not { } plan)
        {
            return hits;
        }

        for (var cursor = Cursor(plan, query); cursor.Current != PostingCursor.End && hits.Count < fetch; cursor.MoveNext())
        {
            var slot = cursor.Current;
            if (plan.Holds(_sequences[slot]))
            {
                hits.Add(new SearchHit(_documentIds[slot]!, _sortKeys[slot], _payloads[slot]));
            }
        }

        return hits;
    }

    public long CountMatches(IndexQuery query, SearchQuery text)
    {
        query = query with { After = null };
        if (Compile(query, text) is not { } plan)
        {
            return 0;
        }

        if (plan.Terms.Length == 0 && plan.Groups.Length == 0)
        {
            return _all.Count;
        }

        if (plan.Terms.Length == 1 && plan.Groups.Length == 0)
        {
            return _termPostings[plan.Terms[0]].Count;
        }

        long count = 0;
        for (var cursor = Cursor(plan, query); cursor.Current != PostingCursor.End; cursor.MoveNext())
        {
            if (plan.Holds(_sequences[cursor.Current]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>What the index holds in memory, roughly: arrays, strings and dictionary entries.</summary>
    public long Bytes()
    {
        long bytes = _documentIds.Length * (8L + 8 + 8 + 8 + 8);
        foreach (var id in _slotsByDocument.Keys)
        {
            bytes += 22 + 2L * id.Length + 24;
        }

        for (var slot = 0; slot < _slotCount; slot++)
        {
            bytes += 24 + 4L * _terms[slot].Length + 24 + 4L * _sequences[slot].Length + (_payloads[slot] is { } payload ? 24 + payload.Length : 0);
        }

        bytes += _all.Bytes;
        foreach (var list in _termPostings)
        {
            bytes += list.Bytes + 48;
        }

        foreach (var list in _wordPostings)
        {
            bytes += list.Bytes;
        }

        foreach (var word in _words)
        {
            // The string, shared by the dictionary, the list and the sorted set (an entry and a node each).
            bytes += 22 + 2L * word.Length + 24 + 8 + 48;
        }

        return bytes;
    }

    private int NewSlot()
    {
        if (_slotCount == _documentIds.Length)
        {
            var size = Math.Max(16, _slotCount * 2);
            Array.Resize(ref _documentIds, size);
            Array.Resize(ref _sortKeys, size);
            Array.Resize(ref _payloads, size);
            Array.Resize(ref _terms, size);
            Array.Resize(ref _sequences, size);
        }

        return _slotCount++;
    }

    private void Post(int slot)
    {
        _all.Add(slot, this, _slotCount);
        foreach (var term in _terms[slot])
        {
            _termPostings[term].Add(slot, this, _slotCount);
        }

        foreach (var word in Distinct(_sequences[slot]))
        {
            _wordPostings[word].Add(slot, this, _slotCount);
        }
    }

    private int[] TermIds(IReadOnlyList<IndexTerm> terms)
    {
        var ids = new int[terms.Count];
        var count = 0;
        foreach (var term in terms)
        {
            var id = TermId(term);
            if (Array.IndexOf(ids, id, 0, count) < 0)
            {
                ids[count++] = id;
            }
        }

        return count == ids.Length ? ids : ids[..count];
    }

    private static IEnumerable<int> Distinct(int[] sequence)
    {
        var seen = new HashSet<int>(sequence.Length);
        foreach (var word in sequence)
        {
            if (word >= 0 && seen.Add(word))
            {
                yield return word;
            }
        }
    }

    /// <summary>The query's conditions as numbers; null when one of them cannot hold, so nothing matches.</summary>
    private QueryPlan? Compile(IndexQuery query, SearchQuery text)
    {
        var terms = new List<int>();
        foreach (var term in query.Terms)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                return null;
            }

            if (!terms.Contains(id))
            {
                terms.Add(id);
            }
        }

        var groups = new List<CompiledPhrase[]>();
        foreach (var group in text.Groups)
        {
            var phrases = group.Select(CompilePhrase).Where(p => !p.Never).ToArray();
            if (phrases.Length == 0)
            {
                return null;
            }

            groups.Add(phrases);
        }

        var excluded = text.Excluded.Select(CompilePhrase).Where(p => !p.Never).ToArray();
        return new QueryPlan([.. terms], [.. groups], excluded);
    }

    private CompiledPhrase CompilePhrase(SearchPhrase phrase)
    {
        var words = new CompiledWord[phrase.Words.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var folded = TextWords.Fold(phrase.Words[i].Text);
            if (!phrase.Words[i].IsPrefix)
            {
                words[i] = _wordIds.TryGetValue(folded, out var id) ? new CompiledWord(id, null) : CompiledWord.None;
                continue;
            }

            var expansion = new List<int>();
            foreach (var word in _sortedWords.GetViewBetween(folded, folded + char.MaxValue))
            {
                if (word.StartsWith(folded, StringComparison.Ordinal))
                {
                    expansion.Add(_wordIds[word]);
                }
            }

            words[i] = expansion.Count == 0 ? CompiledWord.None : new CompiledWord(-1, [.. expansion]);
        }

        return new CompiledPhrase(words);
    }

    /// <summary>
    /// The walk over every document that has the query's terms and, for each group whose words can be walked, the words
    /// of one of its phrases, from the query's cursor in its order. What the posting lists cannot tell (the order of a
    /// phrase's words, a prefix with too many words, exclusions) is left to <see cref="QueryPlan.Holds"/>.
    /// </summary>
    private PostingCursor Cursor(QueryPlan plan, IndexQuery query)
    {
        // The arrays are not replaced while a query walks them: the caller holds the read lock.
        var order = new WalkOrder(this, _sortKeys, query.Descending);
        var parts = new List<PostingCursor>(plan.Terms.Length + plan.Groups.Length);
        foreach (var term in plan.Terms)
        {
            parts.Add(ListCursor(_termPostings[term], order, query.After));
        }

        foreach (var group in plan.Groups)
        {
            if (GroupCursor(group, order, query.After) is { } cursor)
            {
                parts.Add(cursor);
            }
        }

        return parts.Count switch
        {
            0 => ListCursor(_all, order, query.After),
            1 => parts[0],
            _ => new IntersectionCursor([.. parts], order),
        };
    }

    // The documents having one of the group's phrases' words; null when a phrase has no word that can be walked.
    private PostingCursor? GroupCursor(CompiledPhrase[] group, WalkOrder order, IndexCursor? after)
    {
        var phrases = new PostingCursor[group.Length];
        for (var i = 0; i < group.Length; i++)
        {
            var words = new List<PostingCursor>(group[i].Words.Length);
            foreach (var word in group[i].Words)
            {
                if (word.Expansion is not { } expansion)
                {
                    words.Add(ListCursor(_wordPostings[word.Id], order, after));
                }
                else if (word.IsWalkable)
                {
                    var lists = new PostingCursor[expansion.Length];
                    for (var k = 0; k < lists.Length; k++)
                    {
                        lists[k] = ListCursor(_wordPostings[expansion[k]], order, after);
                    }

                    words.Add(lists.Length == 1 ? lists[0] : new UnionCursor(lists, order));
                }
            }

            if (words.Count == 0)
            {
                return null;
            }

            phrases[i] = words.Count == 1 ? words[0] : new IntersectionCursor([.. words], order);
        }

        return phrases.Length == 1 ? phrases[0] : new UnionCursor(phrases, order);
    }

    private PostingListCursor ListCursor(PostingList list, WalkOrder order, IndexCursor? after)
    {
        int position;
        if (after is { } cursor)
        {
            int CompareWithCursor(int slot) => DocumentOrder.Compare(_sortKeys[slot], _documentIds[slot]!, cursor.SortKey, cursor.DocumentId);
            position = order.Descending ? list.FirstNotBefore(CompareWithCursor) - 1 : list.FirstAfter(CompareWithCursor);
        }
        else
        {
            position = order.Descending ? list.Count - 1 : 0;
        }

        return new PostingListCursor(list, position, order);
    }

    /// <summary>A word of a query: its id, or the ids of the words a prefix expands to.</summary>
    private sealed class CompiledWord(int id, int[]? expansion)
    {
        private HashSet<int>? _expansionSet;

        public static CompiledWord None { get; } = new(-1, null);

        public int Id { get; } = id;

        public int[]? Expansion { get; } = expansion;

        public bool IsNone => Id < 0 && Expansion is null;

        /// <summary>Whether the word's documents are walked through its posting lists (a prefix of too many words is not).</summary>
        public bool IsWalkable => Expansion is not { } expansion || expansion.Length <= MaxPrefixListsToWalk;

        public bool Fits(int word) => Expansion is null ? word == Id : (_expansionSet ??= [.. Expansion]).Contains(word);
    }

    private sealed class CompiledPhrase(CompiledWord[] words)
    {
        public CompiledWord[] Words { get; } = words;

        public bool Never { get; } = words.Any(w => w.IsNone);

        /// <summary>True when the posting lists alone tell whether a document has the phrase: one word, walked.</summary>
        public bool IsAnsweredByLists => Words.Length == 1 && Words[0].IsWalkable;

        public bool OccursIn(int[] sequence)
        {
            if (Words.Length == 1)
            {
                var word = Words[0];
                if (word.Expansion is null)
                {
                    return sequence.AsSpan().Contains(word.Id);
                }

                foreach (var held in sequence)
                {
                    if (word.Fits(held))
                    {
                        return true;
                    }
                }

                return false;
            }

            for (var start = 0; start + Words.Length <= sequence.Length; start++)
            {
                var k = 0;
                while (k < Words.Length && Words[k].Fits(sequence[start + k]))
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
    }

    private sealed class QueryPlan(int[] terms, CompiledPhrase[][] groups, CompiledPhrase[] excluded)
    {
        // The groups the posting lists cannot answer alone: a phrase of several words or a prefix of too many.
        private readonly CompiledPhrase[][] _checkedGroups = [.. groups.Where(g => !g.All(p => p.IsAnsweredByLists))];

        public int[] Terms { get; } = terms;

        public CompiledPhrase[][] Groups { get; } = groups;

        /// <summary>
        /// Whether a document the walk gave, which has the terms and the walked words, matches the rest of the query:
        /// its words in order hold a phrase of each checked group and none of the excluded ones.
        /// </summary>
        public bool Holds(int[] sequence)
        {
            foreach (var group in _checkedGroups)
            {
                var any = false;
                foreach (var phrase in group)
                {
                    if (phrase.OccursIn(sequence))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return false;
                }
            }

            foreach (var phrase in excluded)
            {
                if (phrase.OccursIn(sequence))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
