using System.Globalization;
using System.Text;
using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>The tables, partitions and row keys of the provider (README.md beside this file draws them).</summary>
internal sealed class TableLayout
{
    public TableLayout(string prefix)
    {
        if (prefix.Length > 40 || !prefix.All(char.IsAsciiLetterOrDigit) || (prefix.Length > 0 && !char.IsAsciiLetter(prefix[0])))
        {
            throw new ArgumentException("The table prefix must be at most 40 ASCII letters and digits, starting with a letter.", nameof(prefix));
        }

        States = prefix + "grainstate";
        Documents = prefix + "indexdocs";
        Postings = prefix + "indexpostings";
        Logs = prefix + "appendlog";
    }

    /// <summary>One row per grain state: PartitionKey = grain type | grain key, RowKey = state name.</summary>
    public string States { get; }

    /// <summary>One row per index document, telling who owns it and which posting rows may exist: PartitionKey = index, RowKey = document id.</summary>
    public string Documents { get; }

    /// <summary>
    /// Two rows (ascending and descending order) per document in the index's partition and in each of its terms'
    /// partitions; one row (descending) per document in each of its words' partitions; the list of the words.
    /// </summary>
    public string Postings { get; }

    /// <summary>Two rows per record (ascending, and descending for the last sequence number): PartitionKey = log.</summary>
    public string Logs { get; }

    public IEnumerable<string> All => [States, Documents, Postings, Logs];

    public const string AscendingRows = "a";

    public const string AscendingEnd = "b";

    public const string DescendingRows = "d";

    public const string DescendingEnd = "e";

    /// <summary>The partition of the postings table's markers: no escaped index name is <c>~</c>.</summary>
    public const string MarkerPartition = "~";

    /// <summary>Marks tables whose every document has its word postings (see AzureTableStorage.EnsureWordsPostedAsync).</summary>
    public const string WordsPostedMarker = "words-posted";

    public static (string PartitionKey, string RowKey) StateKeys(GrainStateId id)
    {
        var partition = new StringBuilder();
        TableKeys.AppendEscaped(partition, id.GrainType);
        partition.Append(TableKeys.Separator);
        TableKeys.AppendEscaped(partition, id.GrainKey);
        return (TableKeys.CheckLength(partition.ToString(), $"grain type and key of {id}"), TableKeys.CheckLength(TableKeys.Escape(id.StateName), $"state name of {id}"));
    }

    public static (string PartitionKey, string RowKey) DocumentKeys(string index, string documentId) =>
        (TableKeys.CheckLength(TableKeys.Escape(index), $"index name '{index}'"),
            TableKeys.CheckLength(TableKeys.Escape(documentId), $"document id '{documentId}'"));

    /// <summary>The partition holding every document of an index in order.</summary>
    public static string IndexPartition(string index) => TableKeys.Escape(index) + TableKeys.Separator + "*";

    public static string TermPartition(string index, IndexTerm term)
    {
        var partition = new StringBuilder();
        TableKeys.AppendEscaped(partition, index);
        partition.Append(TableKeys.Separator);
        TableKeys.AppendEscaped(partition, term.Field);
        partition.Append(TableKeys.Separator);
        TableKeys.AppendEscaped(partition, term.Value);
        return TableKeys.CheckLength(partition.ToString(), $"term {term.Field}={term.Value} of index '{index}'");
    }

    public static string PostingRow(bool descending, long sortKey, string documentId)
    {
        var row = new StringBuilder(descending ? DescendingRows : AscendingRows);
        if (descending)
        {
            row.Append(TableKeys.Descending(sortKey));
            TableKeys.AppendEscapedDescending(row, documentId);
        }
        else
        {
            row.Append(TableKeys.Ascending(sortKey));
            TableKeys.AppendEscaped(row, documentId);
        }

        return TableKeys.CheckLength(row.ToString(), $"document id '{documentId}'");
    }

    /// <summary>The partitions holding an entry's posting rows in both orders: the index's and each term's.</summary>
    public static List<string> OrderedPartitions(StoredEntry entry) =>
        [IndexPartition(entry.Index), .. entry.Terms.Select(term => TermPartition(entry.Index, term))];

    /// <summary>
    /// The partition of the documents holding a word (or, for a word longer than <see cref="MaxPostedWordLength"/>,
    /// a word beginning with the same characters), newest first only: the order searches ask for.
    /// </summary>
    public static string WordPartition(string index, string word)
    {
        var partition = new StringBuilder();
        TableKeys.AppendEscaped(partition, index);
        partition.Append(TableKeys.Separator).Append(WordMark);
        TableKeys.AppendEscaped(partition, PostedWord(word));
        return TableKeys.CheckLength(partition.ToString(), $"word partition of index '{index}'");
    }

    /// <summary>The partition of the word a row of the index's word list names.</summary>
    public static string WordPartitionOfListRow(string index, string wordListRowKey) =>
        TableKeys.Escape(index) + TableKeys.Separator + WordMark + wordListRowKey;

    /// <summary>The partition listing the words of an index (RowKey: the escaped word), for prefix searches.</summary>
    public static string WordListPartition(string index) => TableKeys.Escape(index) + TableKeys.Separator + WordMark;

    public static string WordListRow(string word) => TableKeys.Escape(PostedWord(word));

    /// <summary>The word-list rows of the words beginning with a prefix: escaping keeps prefixes, and no escaped character sorts after <c>~</c>.</summary>
    public static TableRange WordListRange(string index, string prefix)
    {
        var from = WordListRow(prefix);
        return new TableRange(WordListPartition(index), from, null, from + WordListEnd);
    }

    /// <summary>
    /// Words are posted by their first 64 characters at most, which keeps their keys short and loses nothing: a
    /// search by a longer word reads that beginning's postings and checks the whole word on each document.
    /// </summary>
    public const int MaxPostedWordLength = 64;

    public static string PostedWord(string word) => word.Length <= MaxPostedWordLength ? word : word[..MaxPostedWordLength];

    // Escaped strings hold neither '~' nor '|', so "index|~" starts no term's partition and ends none of them.
    private const char WordMark = '~';

    private const char WordListEnd = '~';

    public static string LogPartition(string log) => TableKeys.CheckLength(TableKeys.Escape(log), $"log name '{log}'");

    public static string LogRow(long sequence) => AscendingRows + sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static string LogDescendingRow(long sequence) => DescendingRows + (long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture);

    public static long SequenceOfDescendingRow(string rowKey) => long.MaxValue - long.Parse(rowKey.AsSpan(1), CultureInfo.InvariantCulture);
}
