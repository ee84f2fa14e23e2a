using System.Text.Json;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The rows of the postings table an index entry is published as (README.md beside this file draws them): in the
/// index's partition and each term's, two rows (ascending and descending) carrying the whole entry, so that a query
/// answers from one range; in each word's partition one row (descending) carrying only the keys, as a word's
/// postings are many and small; and the rows of the index's word list, which only grows.
/// </summary>
internal static class PostingRows
{
    public const string SortKey = "SortKey";
    public const string DocumentId = "DocumentId";
    private const string Body = "Body";

    /// <summary>Every posting row of the entry, which the document row lists (the word list is not among them).</summary>
    public static List<TableRow> Of(StoredEntry entry)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(entry);
        var ascending = TableLayout.PostingRow(false, entry.SortKey, entry.DocumentId);
        var descending = TableLayout.PostingRow(true, entry.SortKey, entry.DocumentId);
        var rows = new List<TableRow>();
        foreach (var partition in TableLayout.OrderedPartitions(entry))
        {
            foreach (var rowKey in new[] { ascending, descending })
            {
                var row = Keys(partition, rowKey, entry);
                TableBlobs.Put(row, Body, body);
                TableBlobs.CheckSize(row, $"Index document '{entry.DocumentId}' of index '{entry.Index}'");
                rows.Add(row);
            }
        }

        rows.AddRange(PostedWords(entry).Select(word => Keys(TableLayout.WordPartition(entry.Index, word), descending, entry)));
        return rows;
    }

    /// <summary>The entry's rows in its index's word list: one per posted word.</summary>
    public static List<TableRow> WordList(StoredEntry entry) =>
        [.. PostedWords(entry).Select(word => new TableRow(TableLayout.WordListPartition(entry.Index), TableLayout.WordListRow(word)))];

    /// <summary>The entry a row of the index's or a term's partition carries; null for a word posting.</summary>
    public static StoredEntry? EntryOf(TableRow row)
    {
        var body = TableBlobs.Get(row, Body);
        return body.Length == 0 ? null : JsonSerializer.Deserialize<StoredEntry>(body);
    }

    private static IEnumerable<string> PostedWords(StoredEntry entry) => entry.Words.Select(TableLayout.PostedWord).Distinct(StringComparer.Ordinal);

    private static TableRow Keys(string partition, string rowKey, StoredEntry entry) =>
        new(partition, rowKey) { [SortKey] = entry.SortKey, [DocumentId] = entry.DocumentId };
}
