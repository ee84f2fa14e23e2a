using System.Globalization;
using System.Text;
using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Splits and folds text the way SQLite's FTS5 tokenizer <c>unicode61 remove_diacritics 2</c> does, so that every
/// provider matches <see cref="Indexing.IndexQuery.Text"/> alike (<see cref="TextSearch"/>): a word is a run of letters, digits and private-use
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
    /// Adds the tokens SQLite's FTS5 stores for the text, folded, to <paramref name="tokens"/>; a word with a character
    /// outside the Basic Multilingual Plane (where the folding table stops) also adds the forms SQLite may store
    /// instead, so that the set is never missing a token.
    /// </summary>
    public static void AddTokens(string? text, ISet<string> tokens)
    {
        foreach (var word in Split(text))
        {
            tokens.Add(IsAscii(word) ? word.ToLowerInvariant() : Fold(word));
            if (!IsInBasicPlane(word))
            {
                AddSupplementaryForms(word, tokens);
            }
        }
    }

    // The writer folds every word it publishes; most are ASCII, where folding is lower-casing (ToLowerInvariant
    // returns the word itself when it has no capital).
    private static bool IsAscii(string word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when every character of the word is in the Basic Multilingual Plane, where <see cref="Fold"/> is exactly SQLite's.</summary>
    public static bool IsInBasicPlane(string word)
    {
        foreach (var c in word)
        {
            if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    // SQLite folds only the Deseret capitals above the Basic Multilingual Plane, and its tokenizer may not take such
    // a character as part of a word: both the word kept whole and the pieces between those characters are added.
    private static void AddSupplementaryForms(string word, ISet<string> tokens)
    {
        var whole = new StringBuilder(word.Length);
        var piece = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (rune.IsBmp)
            {
                whole.Append(Fold(rune.ToString()));
                piece.Append(rune.ToString());
                continue;
            }

            whole.Append((rune.Value is >= 0x10400 and < 0x10428 ? new Rune(rune.Value + 40) : rune).ToString());
            if (piece.Length > 0)
            {
                tokens.Add(Fold(piece.ToString()));
                piece.Clear();
            }
        }

        if (piece.Length > 0)
        {
            tokens.Add(Fold(piece.ToString()));
        }

        tokens.Add(whole.ToString());
    }

    /// <summary>Lower case without diacritics, as the SQLite tokenizer stores a token.</summary>
    public static string Fold(string word)
    {
        // Most words are ASCII, which has no diacritics to fold: lower case alone, without a copy when already lower.
        if (Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }

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

    private static bool IsWordRune(Rune rune) => SearchWords.IsWordRune(rune);

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

    // Generated from SQLite 3.50.4: every character of the Basic Multilingual Plane tokenized alone.
    private const string FoldFrom =
        "\u00B5\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF" +
        "\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D9\u00DA\u00DB\u00DC\u00DD\u00E0\u00E1\u00E2\u00E3\u00E4" +
        "\u00E5\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6" +
        "\u00F9\u00FA\u00FB\u00FC\u00FD\u00FF\u0100\u0101\u0102\u0103\u0104\u0105\u0106\u0107\u0108\u0109" +
        "\u010A\u010B\u010C\u010D\u010E\u010F\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011A\u011B" +
        "\u011C\u011D\u011E\u011F\u0120\u0121\u0122\u0123\u0124\u0125\u0128\u0129\u012A\u012B\u012C\u012D" +
        "\u012E\u012F\u0130\u0134\u0135\u0136\u0137\u0139\u013A\u013B\u013C\u013D\u013E\u0143\u0144\u0145" +
        "\u0146\u0147\u0148\u014C\u014D\u014E\u014F\u0150\u0151\u0154\u0155\u0156\u0157\u0158\u0159\u015A" +
        "\u015B\u015C\u015D\u015E\u015F\u0160\u0161\u0162\u0163\u0164\u0165\u0168\u0169\u016A\u016B\u016C" +
        "\u016D\u016E\u016F\u0170\u0171\u0172\u0173\u0174\u0175\u0176\u0177\u0178\u0179\u017A\u017B\u017C" +
        "\u017D\u017E\u017F\u01A0\u01A1\u01AF\u01B0\u01CD\u01CE\u01CF\u01D0\u01D1\u01D2\u01D3\u01D4\u01D5" +
        "\u01D6\u01D7\u01D8\u01D9\u01DA\u01DB\u01DC\u01DE\u01DF\u01E6\u01E7\u01E8\u01E9\u01EA\u01EB\u01EC" +
        "\u01ED\u01F0\u01F4\u01F5\u01F8\u01F9\u01FA\u01FB\u0200\u0201\u0202\u0203\u0204\u0205\u0206\u0207" +
        "\u0208\u0209\u020A\u020B\u020C\u020D\u020E\u020F\u0210\u0211\u0212\u0213\u0214\u0215\u0216\u0217" +
        "\u0218\u0219\u021A\u021B\u021E\u021F\u0226\u0227\u0228\u0229\u022A\u022B\u022C\u022D\u022E\u022F" +
        "\u0230\u0231\u0232\u0233\u037F\u03C2\u03D0\u03D1\u03D5\u03D6\u03F0\u03F1\u03F5\u0528\u052A\u052C" +
        "\u052E\u13A0\u13A1\u13A2\u13A3\u13A4\u13A5\u13A6\u13A7\u13A8\u13A9\u13AA\u13AB\u13AC\u13AD\u13AE" +
        "\u13AF\u13B0\u13B1\u13B2\u13B3\u13B4\u13B5\u13B6\u13B7\u13B8\u13B9\u13BA\u13BB\u13BC\u13BD\u13BE" +
        "\u13BF\u13C0\u13C1\u13C2\u13C3\u13C4\u13C5\u13C6\u13C7\u13C8\u13C9\u13CA\u13CB\u13CC\u13CD\u13CE" +
        "\u13CF\u13D0\u13D1\u13D2\u13D3\u13D4\u13D5\u13D6\u13D7\u13D8\u13D9\u13DA\u13DB\u13DC\u13DD\u13DE" +
        "\u13DF\u13E0\u13E1\u13E2\u13E3\u13E4\u13E5\u13E6\u13E7\u13E8\u13E9\u13EA\u13EB\u13EC\u13ED\u13EE" +
        "\u13EF\u13F0\u13F1\u13F2\u13F3\u13F4\u13F5\u1C89\u1C90\u1C91\u1C92\u1C93\u1C94\u1C95\u1C96\u1C97" +
        "\u1C98\u1C99\u1C9A\u1C9B\u1C9C\u1C9D\u1C9E\u1C9F\u1CA0\u1CA1\u1CA2\u1CA3\u1CA4\u1CA5\u1CA6\u1CA7" +
        "\u1CA8\u1CA9\u1CAA\u1CAB\u1CAC\u1CAD\u1CAE\u1CAF\u1CB0\u1CB1\u1CB2\u1CB3\u1CB4\u1CB5\u1CB6\u1CB7" +
        "\u1CB8\u1CB9\u1CBA\u1CBD\u1CBE\u1CBF\u1E00\u1E01\u1E02\u1E03\u1E04\u1E05\u1E06\u1E07\u1E08\u1E09" +
        "\u1E0A\u1E0B\u1E0C\u1E0D\u1E0E\u1E0F\u1E10\u1E11\u1E12\u1E13\u1E14\u1E15\u1E16\u1E17\u1E18\u1E19" +
        "\u1E1A\u1E1B\u1E1C\u1E1D\u1E1E\u1E1F\u1E20\u1E21\u1E22\u1E23\u1E24\u1E25\u1E26\u1E27\u1E28\u1E29" +
        "\u1E2A\u1E2B\u1E2C\u1E2D\u1E2E\u1E2F\u1E30\u1E31\u1E32\u1E33\u1E34\u1E35\u1E36\u1E37\u1E38\u1E39" +
        "\u1E3A\u1E3B\u1E3C\u1E3D\u1E3E\u1E3F\u1E40\u1E41\u1E42\u1E43\u1E44\u1E45\u1E46\u1E47\u1E48\u1E49" +
        "\u1E4A\u1E4B\u1E4C\u1E4D\u1E4E\u1E4F\u1E50\u1E51\u1E52\u1E53\u1E54\u1E55\u1E56\u1E57\u1E58\u1E59" +
        "\u1E5A\u1E5B\u1E5C\u1E5D\u1E5E\u1E5F\u1E60\u1E61\u1E62\u1E63\u1E64\u1E65\u1E66\u1E67\u1E68\u1E69" +
        "\u1E6A\u1E6B\u1E6C\u1E6D\u1E6E\u1E6F\u1E70\u1E71\u1E72\u1E73\u1E74\u1E75\u1E76\u1E77\u1E78\u1E79" +
        "\u1E7A\u1E7B\u1E7C\u1E7D\u1E7E\u1E7F\u1E80\u1E81\u1E82\u1E83\u1E84\u1E85\u1E86\u1E87\u1E88\u1E89" +
        "\u1E8A\u1E8B\u1E8C\u1E8D\u1E8E\u1E8F\u1E90\u1E91\u1E92\u1E93\u1E94\u1E95\u1E96\u1E97\u1E98\u1E99" +
        "\u1E9B\u1EA0\u1EA1\u1EA2\u1EA3\u1EA4\u1EA5\u1EA6\u1EA7\u1EA8\u1EA9\u1EAA\u1EAB\u1EAC\u1EAD\u1EAE" +
        "\u1EAF\u1EB0\u1EB1\u1EB2\u1EB3\u1EB4\u1EB5\u1EB6\u1EB7\u1EB8\u1EB9\u1EBA\u1EBB\u1EBC\u1EBD\u1EBE" +
        "\u1EBF\u1EC0\u1EC1\u1EC2\u1EC3\u1EC4\u1EC5\u1EC6\u1EC7\u1EC8\u1EC9\u1ECA\u1ECB\u1ECC\u1ECD\u1ECE" +
        "\u1ECF\u1ED0\u1ED1\u1ED2\u1ED3\u1ED4\u1ED5\u1ED6\u1ED7\u1ED8\u1ED9\u1EDA\u1EDB\u1EDC\u1EDD\u1EDE" +
        "\u1EDF\u1EE0\u1EE1\u1EE2\u1EE3\u1EE4\u1EE5\u1EE6\u1EE7\u1EE8\u1EE9\u1EEA\u1EEB\u1EEC\u1EED\u1EEE" +
        "\u1EEF\u1EF0\u1EF1\u1EF2\u1EF3\u1EF4\u1EF5\u1EF6\u1EF7\u1EF8\u1EF9\u1FBE\u212B\u2C2F\uA698\uA69A" +
        "\uA796\uA798\uA79A\uA79C\uA79E\uA7AB\uA7AC\uA7AD\uA7AE\uA7B0\uA7B1\uA7B2\uA7B3\uA7B4\uA7B6\uA7B8" +
        "\uA7BA\uA7BC\uA7BE\uA7C0\uA7C2\uA7C4\uA7C5\uA7C6\uA7C7\uA7C9\uA7CB\uA7CC\uA7D0\uA7D6\uA7D8\uA7DA" +
        "\uA7DC\uA7F5";

    private const string FoldTo =
        "\u03BC\u0061\u0061\u0061\u0061\u0061\u0061\u0063\u0065\u0065\u0065\u0065\u0069\u0069\u0069\u0069" +
        "\u006E\u006F\u006F\u006F\u006F\u006F\u0075\u0075\u0075\u0075\u0079\u0061\u0061\u0061\u0061\u0061" +
        "\u0061\u0063\u0065\u0065\u0065\u0065\u0069\u0069\u0069\u0069\u006E\u006F\u006F\u006F\u006F\u006F" +
        "\u0075\u0075\u0075\u0075\u0079\u0079\u0061\u0061\u0061\u0061\u0061\u0061\u0063\u0063\u0063\u0063" +
        "\u0063\u0063\u0063\u0063\u0064\u0064\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0065" +
        "\u0067\u0067\u0067\u0067\u0067\u0067\u0067\u0067\u0068\u0068\u0069\u0069\u0069\u0069\u0069\u0069" +
        "\u0069\u0069\u0069\u006A\u006A\u006B\u006B\u006C\u006C\u006C\u006C\u006C\u006C\u006E\u006E\u006E" +
        "\u006E\u006E\u006E\u006F\u006F\u006F\u006F\u006F\u006F\u0072\u0072\u0072\u0072\u0072\u0072\u0073" +
        "\u0073\u0073\u0073\u0073\u0073\u0073\u0073\u0074\u0074\u0074\u0074\u0075\u0075\u0075\u0075\u0075" +
        "\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0077\u0077\u0079\u0079\u0079\u007A\u007A\u007A\u007A" +
        "\u007A\u007A\u0073\u006F\u006F\u0075\u0075\u0061\u0061\u0069\u0069\u006F\u006F\u0075\u0075\u0075" +
        "\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0061\u0061\u0067\u0067\u006B\u006B\u006F\u006F\u006F" +
        "\u006F\u006A\u0067\u0067\u006E\u006E\u0061\u0061\u0061\u0061\u0061\u0061\u0065\u0065\u0065\u0065" +
        "\u0069\u0069\u0069\u0069\u006F\u006F\u006F\u006F\u0072\u0072\u0072\u0072\u0075\u0075\u0075\u0075" +
        "\u0073\u0073\u0074\u0074\u0068\u0068\u0061\u0061\u0065\u0065\u006F\u006F\u006F\u006F\u006F\u006F" +
        "\u006F\u006F\u0079\u0079\u037F\u03C3\u03B2\u03B8\u03C6\u03C0\u03BA\u03C1\u03B5\u0528\u052A\u052C" +
        "\u052E\u13A0\u13A1\u13A2\u13A3\u13A4\u13A5\u13A6\u13A7\u13A8\u13A9\u13AA\u13AB\u13AC\u13AD\u13AE" +
        "\u13AF\u13B0\u13B1\u13B2\u13B3\u13B4\u13B5\u13B6\u13B7\u13B8\u13B9\u13BA\u13BB\u13BC\u13BD\u13BE" +
        "\u13BF\u13C0\u13C1\u13C2\u13C3\u13C4\u13C5\u13C6\u13C7\u13C8\u13C9\u13CA\u13CB\u13CC\u13CD\u13CE" +
        "\u13CF\u13D0\u13D1\u13D2\u13D3\u13D4\u13D5\u13D6\u13D7\u13D8\u13D9\u13DA\u13DB\u13DC\u13DD\u13DE" +
        "\u13DF\u13E0\u13E1\u13E2\u13E3\u13E4\u13E5\u13E6\u13E7\u13E8\u13E9\u13EA\u13EB\u13EC\u13ED\u13EE" +
        "\u13EF\u13F0\u13F1\u13F2\u13F3\u13F4\u13F5\u1C89\u1C90\u1C91\u1C92\u1C93\u1C94\u1C95\u1C96\u1C97" +
        "\u1C98\u1C99\u1C9A\u1C9B\u1C9C\u1C9D\u1C9E\u1C9F\u1CA0\u1CA1\u1CA2\u1CA3\u1CA4\u1CA5\u1CA6\u1CA7" +
        "\u1CA8\u1CA9\u1CAA\u1CAB\u1CAC\u1CAD\u1CAE\u1CAF\u1CB0\u1CB1\u1CB2\u1CB3\u1CB4\u1CB5\u1CB6\u1CB7" +
        "\u1CB8\u1CB9\u1CBA\u1CBD\u1CBE\u1CBF\u0061\u0061\u0062\u0062\u0062\u0062\u0062\u0062\u0063\u0063" +
        "\u0064\u0064\u0064\u0064\u0064\u0064\u0064\u0064\u0064\u0064\u0065\u0065\u0065\u0065\u0065\u0065" +
        "\u0065\u0065\u0065\u0065\u0066\u0066\u0067\u0067\u0068\u0068\u0068\u0068\u0068\u0068\u0068\u0068" +
        "\u0068\u0068\u0069\u0069\u0069\u0069\u006B\u006B\u006B\u006B\u006B\u006B\u006C\u006C\u006C\u006C" +
        "\u006C\u006C\u006C\u006C\u006D\u006D\u006D\u006D\u006D\u006D\u006E\u006E\u006E\u006E\u006E\u006E" +
        "\u006E\u006E\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u0070\u0070\u0070\u0070\u0072\u0072" +
        "\u0072\u0072\u0072\u0072\u0072\u0072\u0073\u0073\u0073\u0073\u0073\u0073\u0073\u0073\u0073\u0073" +
        "\u0074\u0074\u0074\u0074\u0074\u0074\u0074\u0074\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0075" +
        "\u0075\u0075\u0076\u0076\u0076\u0076\u0077\u0077\u0077\u0077\u0077\u0077\u0077\u0077\u0077\u0077" +
        "\u0078\u0078\u0078\u0078\u0079\u0079\u007A\u007A\u007A\u007A\u007A\u007A\u0068\u0074\u0077\u0079" +
        "\u0073\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061" +
        "\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0061\u0065\u0065\u0065\u0065\u0065\u0065\u0065" +
        "\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0065\u0069\u0069\u0069\u0069\u006F\u006F\u006F" +
        "\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F\u006F" +
        "\u006F\u006F\u006F\u006F\u006F\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0075\u0075" +
        "\u0075\u0075\u0075\u0079\u0079\u0079\u0079\u0079\u0079\u0079\u0079\u03B9\u0061\u2C2F\uA698\uA69A" +
        "\uA796\uA798\uA79A\uA79C\uA79E\uA7AB\uA7AC\uA7AD\uA7AE\uA7B0\uA7B1\uA7B2\uA7B3\uA7B4\uA7B6\uA7B8" +
        "\uA7BA\uA7BC\uA7BE\uA7C0\uA7C2\uA7C4\uA7C5\uA7C6\uA7C7\uA7C9\uA7CB\uA7CC\uA7D0\uA7D6\uA7D8\uA7DA" +
        "\uA7DC\uA7F5";
}
