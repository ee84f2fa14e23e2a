using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Azurite;
using Collaboration.Tests.Search;
using Collaboration.Tests.Tables;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The same exchanges imported into Azurite and into the in-memory table service answer the same searches with the
/// same pages, reading the same number of entities: the in-memory service that <see cref="AzureTableSearchCostTests"/>
/// counts on at 100,000 exchanges counts as the real one does.
/// </summary>
public sealed class AzureTableSearchCostOnAzuriteTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AzuriteAndTheInMemoryServiceAnswerAndCountSearchesAlike()
    {
        var corpus = new ExchangeLikeCorpus(600);
        var onAzurite = new AzureTableStorage(new AzureTableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = "c" + Guid.NewGuid().ToString("N")[..16] });
        var inMemory = new AzureTableStorage(new InMemoryTableService(), new AzureTableStorageOptions(), TimeProvider.System);
        await onAzurite.ImportIndexAsync(corpus.Published, CancellationToken.None);
        await inMemory.ImportIndexAsync(corpus.Published, CancellationToken.None);
        var theme = new IndexTerm("theme", corpus.Themes[0]);
        IndexQuery[] searches =
        [
            new(ExchangeLikeCorpus.Index) { Text = ExchangeLikeCorpus.RareWord },
            new(ExchangeLikeCorpus.Index) { Text = corpus.Vocabulary[0] },
            new(ExchangeLikeCorpus.Index) { Text = corpus.Vocabulary[0][..2] + "*" },
            new(ExchangeLikeCorpus.Index) { Text = $"{corpus.Vocabulary[3]} {corpus.Vocabulary[40]}" },
            new(ExchangeLikeCorpus.Index) { Terms = [theme], Text = corpus.Vocabulary[50] },
            new(ExchangeLikeCorpus.Index) { Terms = [theme, new IndexTerm("kind", "kind-1")], Text = corpus.Vocabulary[5], Limit = 7 },
        ];

        foreach (var search in searches)
        {
            var query = search;
            for (var page = 0; page < 3; page++)
            {
                var (azuriteBefore, inMemoryBefore) = (onAzurite.EntitiesRead, inMemory.EntitiesRead);
                var expected = await inMemory.QueryAsync(query);
                var actual = await onAzurite.QueryAsync(query);

                Assert.Equal(expected.Items, actual.Items);
                Assert.Equal(expected.Next, actual.Next);
                Assert.Equal(inMemory.EntitiesRead - inMemoryBefore, onAzurite.EntitiesRead - azuriteBefore);
                Assert.Equal(corpus.FirstPage(query with { After = null, Limit = (page + 1) * query.Limit }).Skip(page * query.Limit), actual.Items.Select(h => h.DocumentId));
                if (actual.Next is null)
                {
                    break;
                }

                query = query with { After = actual.Next };
            }
        }
    }
}
