using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Search;
using Collaboration.Tests.Tables;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>100,000 exchanges in the in-memory table service, imported once for the class.</summary>
public sealed class SearchCostExchanges : IAsyncLifetime
{
    private readonly InMemoryTableService _tables = new();

    public ExchangeLikeCorpus Corpus { get; } = new(100_000);

    public AzureTableStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = new AzureTableStorage(_tables, new AzureTableStorageOptions(), TimeProvider.System);
        await Storage.ImportIndexAsync(Corpus.Published, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Asks for the first page, checks it against the corpus, and returns the entities it read.</summary>
    public async Task<long> AssertFirstPageAsync(IndexQuery query)
    {
        var before = Storage.EntitiesRead;
        var page = await Storage.QueryAsync(query);
        var read = Storage.EntitiesRead - before;

        Assert.Equal(Corpus.FirstPage(query), page.Items.Select(h => h.DocumentId));
        return read;
    }
}
