using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// A page of a text search, newest first, read from postings rather than from the whole index.
/// <para>
/// Each condition is a source of postings in the query's order: a term's partition (rows carrying the document), a
/// word's partition (each word of a phrase), for a prefix the partitions of the words it begins (looked up in the
/// index's word list; a prefix of more than 64 words is no source and is checked on the documents instead), and for
/// words joined by OR the partitions of one word of each side, merged. Excluded words are no source: like phrases
/// (adjacent words) they are checked on the document, which every candidate is checked against whole.
/// Every source is read from the start (or the cursor) for one page's worth of rows. A source that ends within
/// that is the rarest and drives; otherwise the one that reached furthest back in the order is the sparsest and
/// drives. The driver's rows are checked against every condition on the document: carried by the row, or, for a
/// word's posting, looked up by its key in the other words' partitions, then read from the sparsest term's
/// partition (from the index's without terms); a lookup that finds nothing costs a request but no entity. So a
/// search reads about a page per condition, then for each document it checks one row, and one more for each
/// lookup that finds it.
/// </para>
/// </summary>
internal static class PostingSearch
{
    /// <summary>A prefix beginning more words than this is checked on the documents, not read from their postings.</summary>
    public const int MaxPrefixWords = 64;

    // Rows read ahead of a page at least, so that tiny pages do not cost a request per row.
    private const int MinChunk = 8;

    // The rows read from each source before choosing: a page's worth, within a bound for pages of everything.
    private const int MaxProbe = 1000;

    /// <param name="search">The query's text, which has a word.</param>
    public static async Task<IndexPage> QueryAsync(
        IPostingReader reader, IndexQuery query, IReadOnlyList<IndexTerm> terms, TextSearch search, CancellationToken cancellationToken)
    {
        var fetch = StorageArguments.FetchCount(query.Limit);
        var probe = Math.Max(MinChunk, Math.Min(fetch, MaxProbe));
        var sources = await SourcesAsync(reader, query, terms, search, probe, cancellationToken);
        if (sources is null)
        {
            return new IndexPage([], null);
        }

        var pulled = sources.Select(_ => new List<TableRow>()).ToArray();
        await Task.WhenAll(sources.Select((source, i) => source.PullAsync(pulled[i], probe, cancellationToken)));
        if (pulled.Any(rows => rows.Count == 0))
        {
            return new IndexPage([], null);
        }

        // Sparsest first: the first drives, and the others check its rows in that order.
        var order = Enumerable.Range(0, sources.Count).Order(Comparer<int>.Create((i, j) => CompareSparsity(sources, pulled, i, j))).ToList();
        var driver = order[0];
        var source = sources[driver];
        // A word's posting is checked by looking its key up in the partitions of the other words (a document without
        // the word is not there, and costs a request but no entity), then by reading its document from the sparsest
        // term's partition (the same: a document without the term costs no entity), or else from the index's.
        var wordChecks = order.Skip(1).Where(i => !sources[i].CarriesBodies && sources[i].Partitions.Count == 1).Select(i => sources[i].Partitions[0]).ToList();
        var documents = order.Where(i => sources[i].Term is not null).Select(i => sources[i].Partitions[0]).FirstOrDefault()
            ?? TableLayout.IndexPartition(query.Index);
        var candidates = new Queue<TableRow>(pulled[driver]);
        var hits = new List<IndexHit>();
        while (hits.Count < fetch)
        {
            var wanted = Math.Max(MinChunk, fetch - hits.Count);
            if (candidates.Count == 0)
            {
                var more = new List<TableRow>();
                await source.PullAsync(more, wanted, cancellationToken);
                if (more.Count == 0)
                {
                    break;
                }

                more.ForEach(candidates.Enqueue);
            }

            var chunk = Enumerable.Range(0, source.CarriesBodies ? candidates.Count : Math.Min(wanted, candidates.Count)).Select(_ => candidates.Dequeue()).ToList();
            var entries = source.CarriesBodies
                ? chunk.Select(PostingRows.EntryOf).ToArray()
                : await Task.WhenAll(chunk.Select(row => DocumentAsync(reader, wordChecks, documents, row, cancellationToken)));
            foreach (var entry in entries)
            {
                if (entry is not null && entry.Matches(terms, search))
                {
                    hits.Add(new IndexHit(entry.DocumentId, entry.SortKey, entry.Payload));
                    if (hits.Count == fetch)
                    {
                        break;
                    }
                }
            }
        }

        return StorageArguments.ToPage(hits, query.Limit);
    }

    /// <summary>The sources of the query's conditions; null when one of them is known to have no document.</summary>
    private static async Task<List<PostingSource>?> SourcesAsync(
        IPostingReader reader, IndexQuery query, IReadOnlyList<IndexTerm> terms, TextSearch search, int probe, CancellationToken cancellationToken)
    {
        TableRange Range(string partition) => query.After is { } after
            ? new TableRange(partition, null, TableLayout.PostingRow(true, after.SortKey, after.DocumentId), TableLayout.DescendingEnd)
            : new TableRange(partition, TableLayout.DescendingRows, null, TableLayout.DescendingEnd);

        var sources = terms.Select(term => new PostingSource(reader, [TableLayout.TermPartition(query.Index, term)], Range, carriesBodies: true, probe) { Term = term }).ToList();
        var added = new HashSet<string>(StringComparer.Ordinal);
        void Add(List<string> partitions)
        {
            if (added.Add(string.Join('|', partitions)))
            {
                sources.Add(new PostingSource(reader, partitions, Range, carriesBodies: false, (probe + partitions.Count - 1) / partitions.Count));
            }
        }

        foreach (var group in search.Query.Groups)
        {
            if (group.Count == 1)
            {
                // Every word of a lone phrase is in each of its documents: each is a source.
                foreach (var partitions in await WordSourcesAsync(reader, query.Index, search, group[0], cancellationToken))
                {
                    if (partitions.Count == 0)
                    {
                        return null;
                    }

                    Add(partitions);
                }

                continue;
            }

            // Alternatives: one word of each side, their partitions merged; no source when a side has no usable word.
            var merged = new List<string>();
            foreach (var phrase in group)
            {
                if ((await WordSourcesAsync(reader, query.Index, search, phrase, cancellationToken)).FirstOrDefault() is not { } side)
                {
                    merged = null;
                    break;
                }

                merged.AddRange(side);
            }

            if (merged is not null)
            {
                merged = [.. merged.Distinct(StringComparer.Ordinal)];
                if (merged.Count == 0)
                {
                    return null;
                }

                // Alternatives spread over more partitions than a prefix may are checked on the documents instead.
                if (merged.Count <= MaxPrefixWords)
                {
                    Add(merged);
                }
            }
        }

        if (sources.Count == 0)
        {
            sources.Add(new PostingSource(reader, [TableLayout.IndexPartition(query.Index)], Range, carriesBodies: true, probe));
        }

        return sources;
    }

    /// <summary>
    /// The partitions each document of a phrase is in, one list per word: its own partition for a whole word (those
    /// first), the partitions of the words it begins for a prefix (empty when it begins none; left out when they are
    /// more than <see cref="MaxPrefixWords"/>).
    /// </summary>
    private static async Task<List<List<string>>> WordSourcesAsync(
        IPostingReader reader, string index, TextSearch search, SearchPhrase phrase, CancellationToken cancellationToken)
    {
        var (words, prefixes) = search.Folded(phrase);
        var lists = new List<List<string>>();
        for (var k = 0; k < words.Length; k++)
        {
            if (!prefixes[k])
            {
                lists.Add([TableLayout.WordPartition(index, words[k])]);
            }
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (prefixes[k] && await WordPartitionsAsync(reader, index, words[k], cancellationToken) is { } beginnings)
            {
                lists.Add(beginnings);
            }
        }

        return lists;
    }

    /// <summary>The partitions of the words a prefix begins; null when they are more than <see cref="MaxPrefixWords"/>.</summary>
    private static async Task<List<string>?> WordPartitionsAsync(IPostingReader reader, string index, string prefix, CancellationToken cancellationToken)
    {
        var range = TableLayout.WordListRange(index, prefix);
        var partitions = new List<string>();
        object? continuation = null;
        do
        {
            var segment = await reader.ReadPostingsAsync(range, MaxPrefixWords + 1 - partitions.Count, continuation, cancellationToken);
            partitions.AddRange(segment.Rows.Select(row => TableLayout.WordPartitionOfListRow(index, row.RowKey)));
            continuation = segment.Continuation;
        }
        while (continuation is not null && partitions.Count <= MaxPrefixWords);

        return partitions.Count > MaxPrefixWords ? null : partitions;
    }

    /// <summary>
    /// Which of two sources is sparser: the one that ended sooner (with fewer rows), or else the one whose rows
    /// reached further back in the order, as the fewest of its rows hold a page of matches. Rows carrying their
    /// document win ties.
    /// </summary>
    private static int CompareSparsity(List<PostingSource> sources, List<TableRow>[] pulled, int i, int j)
    {
        var order = (sources[i].IsExhausted, sources[j].IsExhausted) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            (true, true) => pulled[i].Count.CompareTo(pulled[j].Count),
            _ => -string.CompareOrdinal(pulled[i][^1].RowKey, pulled[j][^1].RowKey),
        };
        return order != 0 ? order : sources[j].CarriesBodies.CompareTo(sources[i].CarriesBodies);
    }

    /// <summary>
    /// The document of a word's posting if its key is in each of the other words' partitions, read from an ordered
    /// partition it must be in (descending rows have the keys of word postings); null when a lookup finds nothing:
    /// it lacks a word or the term, or it has moved or gone since.
    /// </summary>
    private static async Task<StoredEntry?> DocumentAsync(
        IPostingReader reader, List<string> wordPartitions, string partition, TableRow posting, CancellationToken cancellationToken)
    {
        foreach (var wordPartition in wordPartitions)
        {
            if (await reader.GetPostingAsync(wordPartition, posting.RowKey, cancellationToken) is null)
            {
                return null;
            }
        }

        var row = await reader.GetPostingAsync(partition, posting.RowKey, cancellationToken);
        return row is null ? null : PostingRows.EntryOf(row);
    }
}
