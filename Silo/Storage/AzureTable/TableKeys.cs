using System.Globalization;
using System.Text;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// Builds PartitionKey and RowKey values. Table keys may not hold <c>/ \ # ?</c> or control characters, and ranges
/// are scanned in key order, so every string is written with an escaping that keeps ordinal (UTF-16) order:
/// letters, digits, <c>-</c> and <c>_</c> stay as they are (slugs read as themselves in a table browser); any
/// other code unit becomes a bucket character followed by its four lowercase hex digits. Each bucket character
/// sorts between the kept characters around its range, and every code is prefix-free, so comparing two escaped
/// strings gives the same answer as comparing the originals with <see cref="string.CompareOrdinal(string, string)"/>.
/// The escaped forms never contain <c>|</c>, <c>*</c> or <c>~</c>, which therefore serve as separators and terminators.
/// </summary>
internal static class TableKeys
{
    /// <summary>Table keys are limited to 1,024 characters; longer ones are refused before a request is sent.</summary>
    public const int MaxKeyLength = 1024;

    public const char Separator = '|';

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        AppendEscaped(builder, value);
        return builder.ToString();
    }

    public static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            AppendUnit(builder, c);
        }
    }

    /// <summary>
    /// An escaping whose order is the reverse of ordinal order: each code unit complemented, then a terminator that
    /// sorts after every escaped code, so that a string sorts before its own prefixes.
    /// </summary>
    public static void AppendEscapedDescending(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            AppendUnit(builder, (char)(char.MaxValue - c));
        }

        builder.Append('~');
    }

    /// <summary>16 hex digits whose order is the order of the signed value.</summary>
    public static string Ascending(long value) => ((ulong)value ^ 0x8000_0000_0000_0000UL).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>16 hex digits whose order is the reverse order of the signed value.</summary>
    public static string Descending(long value) => (~((ulong)value ^ 0x8000_0000_0000_0000UL)).ToString("x16", CultureInfo.InvariantCulture);

    public static string CheckLength(string key, string what) =>
        key.Length <= MaxKeyLength
            ? key
            : throw new ArgumentException(
                $"The {what} is {key.Length} characters once escaped for Azure Table storage, which allows at most {MaxKeyLength}.");

    private static void AppendUnit(StringBuilder builder, char c)
    {
        if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_')
        {
            builder.Append(c);
            return;
        }

        // The bucket sorts after the kept character below the range and before the one above it.
        var bucket = c switch
        {
            < '-' => '!',
            <= '/' => '.',       // . and /
            <= '@' => ':',       // : ; < = > ? @
            <= '^' => '[',       // [ \ ] ^
            '`' => '`',
            _ => '{',            // { and everything above z
        };
        builder.Append(bucket).Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }
}
