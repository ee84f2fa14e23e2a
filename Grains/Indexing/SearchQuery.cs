using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Collaboration.Grains.Indexing;

/// <summary>
/// A search <c>q</c> as every storage provider evaluates it: groups that must all match (implicit AND), each one of
/// its phrases (<c>OR</c>), and phrases that must not occur (<c>-word</c>). Parsed from what a person types:
/// <list type="bullet">
/// <item>Words are runs of letters and digits (<see cref="SearchWords"/>); every other symbol separates them and
/// means nothing on its own, so nothing typed ever reaches a storage as its query syntax (FTS5's <c>NEAR</c>,
/// <c>AND</c>, <c>NOT</c> and <c>column:</c> are plain words and separators).</item>
/// <item>Whitespace separates the parts of a query. <c>"local partnership"</c> is a phrase: its words adjacent and in
/// order; a quote left open runs to the end of the query. Words joined by symbols (<c>Laragne-Montéglin</c>,
/// <c>e-mail</c>) are a phrase as well.</item>
/// <item><c>OR</c> (upper case, unquoted) between two words or phrases makes them alternatives; <c>a OR b OR c</c>
/// chains; it binds tighter than the implicit AND, so <c>integration OR inclusion migrants</c> is
/// (integration or inclusion) and migrants. <c>or</c> in lower case is a word.</item>
/// <item><c>-</c> at the start of a word or phrase excludes it; a <c>-</c> on its own is a separator.</item>
/// <item><c>*</c> right after a word makes it a prefix (<c>migr*</c>; inside a phrase too).</item>
/// </list>
/// Refused, with a message saying how to write it: <c>OR</c> at either end or twice in a row, an excluded word
/// beside <c>OR</c>, and a query of excluded words only (nothing to search for). A query without any word parses as
/// <see cref="IsEmpty"/>; the caller decides whether that is an error.
/// </summary>
public sealed class SearchQuery
{
    public const string OrOperator = "OR";

    public const string OrMisplacedMessage =
        "`OR` must stand between two words or phrases, as in `integration OR inclusion`; to search for the word or, write it in lower case.";

    public const string ExclusionBesideOrMessage =
        "An excluded word (-word) cannot be one side of `OR`: exclude it apart, as in `integration OR inclusion -tourism`.";

    public const string OnlyExclusionsMessage =
        "Has only excluded words (-word), so there is nothing to search for: add a word to find, as in `integration -tourism`.";

    public static SearchQuery Empty { get; } = new([], []);

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchPhrase>> groups, IReadOnlyList<SearchPhrase> excluded)
    {
        Groups = groups;
        Excluded = excluded;
    }

    /// <summary>Every group must match; a group matches when one of its phrases occurs.</summary>
    public IReadOnlyList<IReadOnlyList<SearchPhrase>> Groups { get; }

    /// <summary>A document holding any of these does not match.</summary>
    public IReadOnlyList<SearchPhrase> Excluded { get; }

    /// <summary>True when the text held no word at all: no condition.</summary>
    public bool IsEmpty => Groups.Count == 0 && Excluded.Count == 0;

    /// <summary>The query; <see cref="ArgumentException"/> with the reason when it is malformed.</summary>
    public static SearchQuery Parse(string? text) =>
        TryParse(text, out var query, out var error) ? query : throw new ArgumentException(error, nameof(text));

    public static bool TryParse(string? text, [NotNullWhen(true)] out SearchQuery? query, [NotNullWhen(false)] out string? error)
    {
        query = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            query = Empty;
            return true;
        }

        var groups = new List<IReadOnlyList<SearchPhrase>>();
        var excluded = new List<SearchPhrase>();
        var seenGroups = new HashSet<string>(StringComparer.Ordinal);
        var seenExclusions = new HashSet<string>(StringComparer.Ordinal);
        List<SearchPhrase>? group = null;
        var previous = Part.None;
        foreach (var (part, phrase) in Parts(text))
        {
            switch (part)
            {
                case Part.Or when previous is Part.None or Part.Or:
                    error = OrMisplacedMessage;
                    return false;
                case Part.Or when previous is Part.Excluded:
                case Part.Excluded when previous is Part.Or:
                    error = ExclusionBesideOrMessage;
                    return false;
                case Part.Excluded:
                    if (seenExclusions.Add(Key(phrase!)))
                    {
                        excluded.Add(phrase!);
                    }

                    break;
                case Part.Required when previous is Part.Or:
                    group!.Add(phrase!);
                    break;
                case Part.Required:
                    CloseGroup();
                    group = [phrase!];
                    break;
            }

            previous = part;
        }

        if (previous is Part.Or)
        {
            error = OrMisplacedMessage;
            return false;
        }

        CloseGroup();
        if (groups.Count == 0 && excluded.Count > 0)
        {
            error = OnlyExclusionsMessage;
            return false;
        }

        query = groups.Count == 0 ? Empty : new SearchQuery(groups, excluded);
        return true;

        // Repeated groups add nothing; dropping them keeps a long query's evaluation short.
        void CloseGroup()
        {
            if (group is not null && seenGroups.Add(string.Join(" OR ", group.Select(Key))))
            {
                groups.Add(group);
            }

            group = null;
        }
    }

    /// <summary>Whether a document matches, given how to tell that one phrase occurs in it.</summary>
    public bool Matches(Func<SearchPhrase, bool> occurs)
    {
        ArgumentNullException.ThrowIfNull(occurs);
        foreach (var group in Groups)
        {
            if (!group.Any(occurs))
            {
                return false;
            }
        }

        return !Excluded.Any(occurs);
    }

    /// <summary>The query as it can be typed again, one group or exclusion after another.</summary>
    public override string ToString() =>
        string.Join(' ', Groups.Select(g => string.Join(" OR ", g)).Concat(Excluded.Select(p => "-" + p)));

    private static string Key(SearchPhrase phrase) => phrase.ToString().ToLowerInvariant();

    /// <summary>The parts of the text in order; parts made only of symbols are left out.</summary>
    private static IEnumerable<(Part Part, SearchPhrase? Phrase)> Parts(string text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsWhiteSpace(text, i))
            {
                i++;
            }

            if (i == text.Length)
            {
                yield break;
            }

            var exclude = false;
            if (text[i] == '-' && i + 1 < text.Length && !IsWhiteSpace(text, i + 1))
            {
                exclude = true;
                i++;
            }

            List<SearchWord> words;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var end = close < 0 ? text.Length : close;
                words = WordsOf(text.AsSpan(i + 1, end - i - 1));
                i = close < 0 ? text.Length : close + 1;
                if (i < text.Length && text[i] == '*')
                {
                    i++;
                    if (words.Count > 0)
                    {
                        words[^1] = words[^1] with { IsPrefix = true };
                    }
                }
            }
            else
            {
                var start = i;
                while (i < text.Length && !IsWhiteSpace(text, i) && text[i] != '"')
                {
                    i++;
                }

                var token = text.AsSpan(start, i - start);
                if (!exclude && token.SequenceEqual(OrOperator))
                {
                    yield return (Part.Or, null);
                    continue;
                }

                words = WordsOf(token);
            }

            if (words.Count > 0)
            {
                yield return (exclude ? Part.Excluded : Part.Required, new SearchPhrase(words));
            }
        }
    }

    /// <summary>The words of a part, each a prefix when a <c>*</c> follows it directly.</summary>
    private static List<SearchWord> WordsOf(ReadOnlySpan<char> part)
    {
        var words = new List<SearchWord>();
        var start = -1;
        var i = 0;
        while (i <= part.Length)
        {
            var isWord = false;
            var consumed = 1;
            if (i < part.Length)
            {
                // A lone surrogate decodes as U+FFFD, a symbol, so it separates words instead of throwing.
                Rune.DecodeFromUtf16(part[i..], out var rune, out consumed);
                isWord = SearchWords.IsWordRune(rune);
            }

            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(new SearchWord(part[start..i].ToString(), i < part.Length && part[i] == '*'));
                start = -1;
            }

            i += consumed;
        }

        return words;
    }

    private static bool IsWhiteSpace(string text, int index) => char.IsWhiteSpace(text[index]);

    private enum Part
    {
        None,
        Required,
        Excluded,
        Or,
    }
}
