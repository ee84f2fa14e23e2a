using System.Text;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The same random documents written to a storage and to the memory storage, then random searches (words, prefixes,
/// phrases, OR and exclusions over a small vocabulary with diacritics, themes, a country, both orders, small pages) asked of both and
/// compared page by page to the end, with their counts. Sort keys are drawn with ties, and some documents are
/// written again, so that neither the order of writes nor of storage rows follows the order of the index.
/// </summary>
internal static class SearchComparison
{
    private static readonly string[] Vocabulary =
    [
        "the", "and", "mentoring", "mentor", "men", "integration", "integral", "solar", "bus", "città", "citta",
        "storm", "stork", "sto", "kelmė", "mairie", "rare", "rarely", "občina", "zebra",
    ];

    private static readonly string[] Themes = ["youth", "energy", "culture"];

    public static async Task AssertSameAnswersAsync<TStorage>(TStorage storage, int documents, int searches, int seed)
        where TStorage : IGrainStateStore, IGrainIndex
    {
        var memory = new MemoryStorage();
        var random = new Random(seed);

        async Task WriteAsync(int i)
        {
            var words = Enumerable.Range(0, 2 + random.Next(6)).Select(_ => Vocabulary[(int)(Math.Pow(random.NextDouble(), 2.5) * Vocabulary.Length)]);
            var terms = Themes.Where(_ => random.Next(3) == 0).Select(t => new IndexTerm("theme", t)).Append(new IndexTerm("country", random.Next(2) == 0 ? "IT" : "LT")).ToArray();
            IndexEntry[] entries = [new("exchanges", $"d{i:D3}") { SortKey = random.Next(documents / 2), Text = string.Join(' ', words), Terms = terms, Payload = $"{{\"id\":{i}}}" }];
            var state = new GrainStateId("exchange", $"d{i:D3}", "state");
            var data = Encoding.UTF8.GetBytes("{}");
            await storage.WriteAsync(state, data, (await storage.ReadAsync(state))?.ETag, entries);
            await memory.WriteAsync(state, data, (await memory.ReadAsync(state))?.ETag, entries);
        }

        for (var i = 0; i < documents; i++)
        {
            await WriteAsync(i);
        }

        for (var i = 0; i < documents / 4; i++)
        {
            await WriteAsync(random.Next(documents));
        }

        for (var q = 0; q < searches; q++)
        {
            var text = RandomSearch(random);
            var query = new IndexQuery("exchanges")
            {
                Text = text,
                Terms = Themes.Where(_ => random.Next(4) == 0).Select(t => new IndexTerm("theme", t)).Concat(random.Next(3) == 0 ? [new IndexTerm("country", "IT")] : []).ToArray(),
                Descending = random.Next(4) != 0,
                Limit = 1 + random.Next(40),
            };

            Assert.Equal(await memory.CountAsync(query), await storage.CountAsync(query));
            for (var page = 0; page < 100; page++)
            {
                var expected = await memory.QueryAsync(query);
                var actual = await storage.QueryAsync(query);
                Assert.Equal(expected.Items, actual.Items);
                Assert.Equal(expected.Next, actual.Next);
                if (actual.Next is null)
                {
                    break;
                }

                query = query with { After = actual.Next };
            }
        }
    }

    /// <summary>
    /// One to three groups of one or two alternatives (each a word or a phrase of two, its last word sometimes cut to
    /// a prefix), then sometimes an excluded word or phrase.
    /// </summary>
    private static string RandomSearch(Random random)
    {
        string Word() => Vocabulary[random.Next(Vocabulary.Length)];
        string Part()
        {
            var words = Enumerable.Range(0, random.Next(4) == 0 ? 2 : 1).Select(_ => Word()).ToList();
            if (random.Next(3) == 0)
            {
                words[^1] = words[^1][..Math.Min(words[^1].Length, 1 + random.Next(4))] + "*";
            }

            return words.Count == 1 ? words[0] : $"\"{string.Join(' ', words)}\"";
        }

        var groups = Enumerable.Range(0, 1 + random.Next(random.Next(3) == 0 ? 3 : 2))
            .Select(_ => random.Next(4) == 0 ? $"{Part()} OR {Part()}" : Part());
        var exclusion = random.Next(4) == 0 ? [$"-{Part()}"] : Array.Empty<string>();
        return string.Join(' ', groups.Concat(exclusion));
    }
}
