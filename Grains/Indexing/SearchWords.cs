using System.Globalization;
using System.Text;

namespace Collaboration.Grains.Indexing;

/// <summary>
/// What counts as a word of searchable text, for every storage provider (they split text with it) and for the
/// validation of a query (a query without a word would match everything, so it is refused instead).
/// </summary>
public static class SearchWords
{
    /// <summary>Letters, digits and private-use characters make words; everything else separates them.</summary>
    public static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    /// <summary>Whether the text holds at least one word (a lone surrogate reads as U+FFFD, a symbol).</summary>
    public static bool HasWord(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsWordRune(rune))
            {
                return true;
            }

            i += consumed;
        }

        return false;
    }
}
