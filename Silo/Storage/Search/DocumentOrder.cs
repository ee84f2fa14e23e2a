namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// The order of an index's documents as SQLite keeps it: sort key, then document id by code point (SQLite's BINARY
/// collation on UTF-8), which differs from .NET's ordinal order only for characters above U+FFFF.
/// </summary>
internal static class DocumentOrder
{
    public static int Compare(long sortKey, string documentId, long otherSortKey, string otherDocumentId)
    {
        var order = sortKey.CompareTo(otherSortKey);
        return order != 0 ? order : CompareCodePoints(documentId, otherDocumentId);
    }

    public static int CompareCodePoints(string a, string b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return CodePointRank(a[common]).CompareTo(CodePointRank(b[common]));
    }

    // Surrogates (U+D800 to U+DFFF) encode characters above U+FFFF, which come after U+E000 to U+FFFF.
    private static int CodePointRank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
