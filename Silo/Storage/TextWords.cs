using System.Globalization;
using System.Text;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Splits and folds text the way SQLite's FTS5 tokenizer <c>unicode61 remove_diacritics 2</c> does, so that every
/// provider matches <see cref="Indexing.IndexQuery.Text"/> alike: a word is a run of letters, digits and private-use
/// characters; everything else (quotes, operators, punctuation, combining marks) separates words.
/// </summary>
internal static class TextWords
{
    public static List<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            // A lone surrogate decodes as U+FFFD, a symbol, so it separates words instead of throwing.
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }

            i += consumed;
        }

        if (start >= 0)
        {
            words.Add(text[start..]);
        }

        return words;
    }

    /// <summary>
    /// An FTS5 expression requiring every word: each word is a quoted phrase, the last one also a prefix. Words
    /// cannot hold a quote (quotes separate words), so nothing the user types can become FTS5 syntax.
    /// Null when the text has no word at all.
    /// </summary>
    public static string? ToFts5Expression(string? text)
    {
        var words = Split(text);
        if (words.Count == 0)
        {
            return null;
        }

        var expression = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                expression.Append(" AND ");
            }

            expression.Append('"').Append(words[i]).Append('"');
        }

        return expression.Append('*').ToString();
    }

    /// <summary>Lower case without diacritics, as the SQLite tokenizer stores a token.</summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (rune.Value < 0x10000 && DiacriticFolding.TryGetValue((char)rune.Value, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                folded.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return folded.ToString();
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    // String.Normalize does nothing under InvariantGlobalization, so the folding is a table: the characters whose
    // folded form in SQLite's unicode61 tokenizer differs from their invariant lower case.
    private static readonly Dictionary<char, char> DiacriticFolding = BuildFolding();

    private static Dictionary<char, char> BuildFolding()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < FoldFrom.Length; i++)
        {
            map[FoldFrom[i]] = FoldTo[i];
        }

        return map;
    }

    private const string FoldFrom = "";
    private const string FoldTo = "";
}
