using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The posting rows of one or more partitions, merged in RowKey order (which is the query's order) with each document
/// once, read page by page as a search pulls them. Pages start small and double, so that a source read only as far
/// as one page of results needs costs about that many entities.
/// </summary>
internal sealed class PostingSource
{
    private const int MaxPage = 1000;

    private readonly IPostingReader _reader;
    private readonly List<Member> _members;

    /// <param name="range">The range to read in a partition: from the query's start (or after its cursor) to the end of its order.</param>
    /// <param name="carriesBodies">Whether the rows carry the document (index and term postings) or only its keys (word postings).</param>
    /// <param name="firstPage">Rows asked of each partition by its first request.</param>
    public PostingSource(IPostingReader reader, IEnumerable<string> partitions, Func<string, TableRange> range, bool carriesBodies, int firstPage)
    {
        _reader = reader;
        Partitions = [.. partitions];
        _members = [.. Partitions.Select(partition => new Member(range(partition), Math.Clamp(firstPage, 1, MaxPage)))];
        CarriesBodies = carriesBodies;
    }

    public bool CarriesBodies { get; }

    public IReadOnlyList<string> Partitions { get; }

    /// <summary>The term whose partition this is; null for other sources.</summary>
    public IndexTerm? Term { get; init; }

    /// <summary>True once every row has been pulled.</summary>
    public bool IsExhausted => _members.All(m => m.IsDone);

    /// <summary>The next row in order; null at the end.</summary>
    public async Task<TableRow?> NextAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_members.Where(m => m.NeedsPage).Select(m => m.ReadPageAsync(_reader, cancellationToken)));
        Member? next = null;
        foreach (var member in _members)
        {
            if (member.Head is { } head && (next is null || string.CompareOrdinal(head.RowKey, next.Head!.RowKey) < 0))
            {
                next = member;
            }
        }

        if (next is null)
        {
            return null;
        }

        var row = next.Take();
        // A document holding several words of a prefix is in several partitions: it is pulled once.
        foreach (var member in _members)
        {
            if (member.Head?.RowKey == row.RowKey)
            {
                member.Take();
            }
        }

        return row;
    }

    /// <summary>Pulls up to <paramref name="count"/> more rows into <paramref name="rows"/>.</summary>
    public async Task PullAsync(List<TableRow> rows, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count && await NextAsync(cancellationToken) is { } row; i++)
        {
            rows.Add(row);
        }
    }

    private sealed class Member(TableRange range, int firstPage)
    {
        private readonly Queue<TableRow> _rows = new();
        private object? _continuation;
        private bool _lastPageRead;
        private int _take = firstPage;

        public bool NeedsPage => _rows.Count == 0 && !_lastPageRead;

        public bool IsDone => _rows.Count == 0 && _lastPageRead;

        public TableRow? Head => _rows.TryPeek(out var row) ? row : null;

        public TableRow Take() => _rows.Dequeue();

        public async Task ReadPageAsync(IPostingReader reader, CancellationToken cancellationToken)
        {
            // The service may answer a page with no row and a continuation: read on until a row or the end.
            while (NeedsPage)
            {
                var segment = await reader.ReadPostingsAsync(range, _take, _continuation, cancellationToken);
                foreach (var row in segment.Rows)
                {
                    _rows.Enqueue(row);
                }

                _continuation = segment.Continuation;
                _lastPageRead = _continuation is null;
                _take = Math.Min(_take * 2, MaxPage);
            }
        }
    }
}
