using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Answers of index queries, kept per index. Each index has a generation that the storage's writer bumps after
/// every commit that touched one of its documents (before the writers hear of the commit), and an answer computed
/// while the index was at generation g is served only while it still is. So a cached answer is never older than
/// the last acknowledged write, and an index that nobody writes (projects, agreements, events, while exchanges
/// pour in) keeps its answers.
/// <para>
/// Each index holds at most <c>maxEntriesPerIndex</c> answers; past that its answers are dropped and collected
/// afresh, so that many one-off searches never crowd out another index's answers.
/// </para>
/// </summary>
internal sealed class IndexQueryCache(int maxEntriesPerIndex)
{
    private readonly ConcurrentDictionary<string, IndexAnswers> _indexes = new(StringComparer.Ordinal);

    public bool Enabled => maxEntriesPerIndex > 0;

    /// <summary>The cached answer, or the generation the caller must read at (before running the query) to cache its own.</summary>
    public bool TryGet(string index, string key, out object? answer, out long generation)
    {
        var answers = _indexes.GetOrAdd(index, static _ => new IndexAnswers());
        generation = Volatile.Read(ref answers.Generation);
        if (answers.Entries.TryGetValue(key, out var cached) && cached.Generation == generation)
        {
            answer = cached.Value;
            return true;
        }

        answer = null;
        return false;
    }

    /// <summary>Keeps an answer computed after reading <paramref name="generation"/>; one from before a later commit is never served.</summary>
    public void Set(string index, string key, long generation, object answer)
    {
        var answers = _indexes.GetOrAdd(index, static _ => new IndexAnswers());
        if (Volatile.Read(ref answers.Generation) != generation)
        {
            return;
        }

        if (answers.Entries.Count >= maxEntriesPerIndex)
        {
            answers.Entries.Clear();
        }

        answers.Entries[key] = new CachedAnswer(generation, answer);
    }

    /// <summary>Called by the writer after a commit (or a failed one) that touched these indexes.</summary>
    public void Invalidate(IEnumerable<string> indexes)
    {
        foreach (var index in indexes)
        {
            if (_indexes.TryGetValue(index, out var answers))
            {
                Interlocked.Increment(ref answers.Generation);
            }
        }
    }

    /// <summary>A key that tells every two different queries apart (lengths prefix the strings, so no separator can be forged).</summary>
    public static string KeyOf(IndexQuery query, bool count)
    {
        var key = new StringBuilder(64).Append(count ? 'C' : 'Q');
        if (!count)
        {
            key.Append(query.Descending ? 'D' : 'A').Append(query.Limit.ToString(CultureInfo.InvariantCulture)).Append(';');
            if (query.After is { } after)
            {
                key.Append(after.SortKey.ToString(CultureInfo.InvariantCulture)).Append(';');
                Append(key, after.DocumentId);
            }
            else
            {
                key.Append('-');
            }
        }

        if (query.Text is { } text)
        {
            key.Append('T');
            Append(key, text);
        }

        foreach (var term in query.Terms)
        {
            Append(key, term.Field);
            Append(key, term.Value);
        }

        return key.ToString();
    }

    private static void Append(StringBuilder key, string value) =>
        key.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    private sealed class IndexAnswers
    {
        public readonly ConcurrentDictionary<string, CachedAnswer> Entries = new(StringComparer.Ordinal);
        public long Generation;
    }

    private sealed record CachedAnswer(long Generation, object Value);
}
