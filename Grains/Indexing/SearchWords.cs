using System.Globalization;
using System.Text;

namespace Collaboration.Grains.Indexing;

/// <summary>
/// What counts as a word of searchable text, for every storage provider (they split text with it) and for the
/// parsing of a search (<see cref="SearchQuery"/>).
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
}
