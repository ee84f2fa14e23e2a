using Collaboration.Grains.Indexing;
using Xunit.Abstractions;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Search;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// What a first page of a search reads from Azure Table storage at 100,000 exchanges, counted in entities (what the
/// service bills reads by, and what its time follows). The exchanges are imported in bulk into the in-memory table
/// service: filling Azurite with 100,000 of them takes minutes and its range reads scan the whole table, so
/// bench/TableSearchCost measures the same on Azurite, and <see cref="AzureTableSearchCostOnAzuriteTests"/> checks on
/// a smaller corpus that Azurite and the in-memory service count alike.
/// </summary>
public sealed class AzureTableSearchCostTests(SearchCostExchanges exchanges, ITestOutputHelper output) : IClassFixture<SearchCostExchanges>
{
    [Fact]
    public async Task AWordFoundInTenOf100000ExchangesReadsAtMost200EntitiesForItsFirstPage()
    {
        Assert.Equal(10, exchanges.Corpus.DocumentsHolding(ExchangeLikeCorpus.RareWord));

        var read = await exchanges.AssertFirstPageAsync(new IndexQuery(ExchangeLikeCorpus.Index) { Text = ExchangeLikeCorpus.RareWord, Limit = 20 });

        output.WriteLine($"a word in 10 exchanges: {read} entities");
        Assert.InRange(read, 10, 200);
    }

    [Fact]
    public async Task AThemeAndAWordReadAtMost500EntitiesForTheirFirstPage()
    {
        var corpus = exchanges.Corpus;
        // The commonest theme, and words from common to rare.
        foreach (var word in new[] { corpus.Vocabulary[5], corpus.Vocabulary[50], corpus.Vocabulary[500], ExchangeLikeCorpus.RareWord })
        {
            var read = await exchanges.AssertFirstPageAsync(new IndexQuery(ExchangeLikeCorpus.Index) { Terms = [new IndexTerm("theme", corpus.Themes[0])], Text = word, Limit = 20 });

            output.WriteLine($"theme + a word in {corpus.DocumentsHolding(word)} exchanges: {read} entities");
            Assert.InRange(read, 1, 500);
        }
    }

    [Fact]
    public async Task ACommonWordReadsAtMost200EntitiesForItsFirstPage()
    {
        var common = exchanges.Corpus.Vocabulary[0];
        Assert.True(exchanges.Corpus.DocumentsHolding(common) > 30_000);

        var read = await exchanges.AssertFirstPageAsync(new IndexQuery(ExchangeLikeCorpus.Index) { Text = common, Limit = 20 });

        output.WriteLine($"a word in {exchanges.Corpus.DocumentsHolding(common)} exchanges: {read} entities");
        Assert.InRange(read, 20, 200);
    }
}
