using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// The opaque cursor of a paged list: base64url of "1:&lt;sortKey&gt;:&lt;documentId&gt;", the position of the last
/// item returned. Lists are ordered by that pair, so a walk continues strictly after it: items posted meanwhile
/// sort before the position and can neither repeat nor push others off the walk.
/// </summary>
public static class PageCursor
{
    private const string Version = "1";
    private const int MaxEncodedLength = 512;

    /// <summary>The validation message for a cursor that <see cref="TryDecode"/> refuses.</summary>
    public const string InvalidMessage = "Is not a cursor returned by this list; start again without one.";

    public static string Encode(IndexCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}:{cursor.SortKey}:{cursor.DocumentId}")));

    /// <summary>False for anything this server did not issue.</summary>
    public static bool TryDecode(string cursor, out IndexCursor position)
    {
        position = default;
        if (cursor.Length > MaxEncodedLength || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }

        var parts = text.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sortKey)
            || parts[2].Length == 0 || parts[2].Any(char.IsControl))
        {
            return false;
        }

        position = new IndexCursor(sortKey, parts[2]);
        return true;
    }
}
