using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage;

namespace Collaboration.Tests.Search;

/// <summary>
/// Index documents shaped like the API's exchanges, deterministic: a kind, an author and its country, a project for
/// four in ten, one to three of 30 themes (the first ones commonest), and twelve words from a 3,000-word vocabulary
/// with a Zipf skew (the commonest word in most documents, most words in few; made of syllables, so that many words
/// begin others). <see cref="RareWord"/> is in exactly ten documents, spread over the order.
/// </summary>
public sealed class ExchangeLikeCorpus
{
    public const string Index = "exchanges";
    public const string RareWord = "zebrafish";

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ra", "sto", "vi", "za", "tre", "po", "lu", "de"];

    public ExchangeLikeCorpus(int count, int seed = 2017)
    {
        var random = new Random(seed);
        Vocabulary = BuildVocabulary(random);
        Themes = [.. Enumerable.Range(0, 30).Select(i => $"theme-{i:D2}")];
        var words = SkewedDraw.Cumulative(Vocabulary.Count, 1.0);
        var themes = SkewedDraw.Cumulative(Themes.Count, 0.8);
        var rareEvery = count / 10;
        Documents = [.. Enumerable.Range(0, count).Select(i =>
        {
            var author = random.Next(400);
            var terms = new List<IndexTerm>
            {
                new("kind", $"kind-{random.Next(4)}"),
                new("author", $"town-{author:D3}"),
                new("country", $"C{author % 33:D2}"),
            };
            if (random.Next(10) < 4)
            {
                terms.Add(new IndexTerm("project", $"project-{random.Next(80):D2}"));
            }

            terms.AddRange(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => new IndexTerm("theme", Themes[SkewedDraw.Pick(themes, random.NextDouble())])).Distinct());
            var text = Enumerable.Range(0, 12).Select(_ => Vocabulary[SkewedDraw.Pick(words, random.NextDouble())]).ToList();
            if (i % rareEvery == rareEvery / 2)
            {
                text[random.Next(text.Count)] = RareWord;
            }

            var id = $"x{i:D6}";
            return new IndexEntry(Index, id) { SortKey = 636_000_000_000_000_000L + (i * 6_000_000_000L), Terms = terms, Text = string.Join(' ', text), Payload = $"{{\"id\":\"{id}\"}}" };
        })];
    }

    public IReadOnlyList<string> Vocabulary { get; }

    public IReadOnlyList<string> Themes { get; }

    public IReadOnlyList<IndexEntry> Documents { get; }

    /// <summary>Each document as the state of its exchange grain publishes it.</summary>
    public IEnumerable<(GrainStateId Owner, IndexEntry Entry)> Published => Documents.Select(d => (new GrainStateId("exchange", d.DocumentId, "state"), d));

    /// <summary>The first page of a search, newest first, worked out from the documents themselves.</summary>
    public List<string> FirstPage(IndexQuery query)
    {
        var search = TextSearch.Of(query.Text);
        return [.. Documents
            .Where(d => query.Terms.All(d.Terms.Contains))
            .Where(d => search is null || Holds(search, TextWords.Split(d.Text).Select(TextWords.Fold).ToList()))
            .OrderByDescending(d => d.SortKey).ThenByDescending(d => d.DocumentId, StringComparer.Ordinal)
            .Take(query.Limit)
            .Select(d => d.DocumentId)];
    }

    private static bool Holds(TextSearch search, List<string> sequence) => search.Matches(sequence.ToHashSet(StringComparer.Ordinal), sequence);

    /// <summary>How many documents hold the word.</summary>
    public int DocumentsHolding(string word) => Documents.Count(d => TextWords.Split(d.Text).Contains(word));

    private static string[] BuildVocabulary(Random random)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 3000)
        {
            var word = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
