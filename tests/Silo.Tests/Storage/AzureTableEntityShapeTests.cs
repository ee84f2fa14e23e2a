using System.Text;
using Azure.Data.Tables;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Azurite;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The entities of the Azure Table provider as the service holds them, read and written with the SDK beside the
/// provider: tables, keys, property names and types are pinned, so that tables written by one version of the
/// provider are read by the next.
/// </summary>
public sealed class AzureTableEntityShapeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string DescendingGallese = "d7ffffffffffffffe{ff98{ff9e{ff93{ff93{ff9a{ff8c{ff9a~";
    private const string Entry = """{"Index":"exchanges","DocumentId":"gallese","SortKey":1,"Terms":[{"Field":"country","Value":"IT"}],"Words":["volunteering","in","smaller","municipalities"],"Payload":"{\"id\":\"gallese\"}"}""";

    private readonly string _prefix = "s" + Guid.NewGuid().ToString("N")[..16];

    private static readonly GrainStateId Gallese = new("exchange", "gallese", "state");

    [Fact]
    public async Task TheProviderWritesTheEntitiesOfEarlierVersionsWithWordPostingsBeside()
    {
        var storage = Open();
        await storage.EnsureWordsPostedAsync(CancellationToken.None);
        await storage.WriteAsync(Gallese, Encoding.UTF8.GetBytes("{}"), null,
            [new IndexEntry("exchanges", "gallese") { SortKey = 1, Text = "Volunteering", Terms = [new IndexTerm("country", "IT")], Payload = "{\"id\":\"gallese\"}" }]);
        await storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "signed");

        string[] expected =
        [
            "grainstate exchange|gallese state Data0:Byte[] DataLength:Int32 Entries0:Byte[] EntriesLength:Int32 Pending:Boolean Unpublish0:Byte[] UnpublishLength:Int32 Version:Int64 WriteId:String",
            "indexdocs exchanges gallese Keys0:Byte[] KeysLength:Int32 OwnerKey:String OwnerState:String OwnerType:String Version:Int64",
            "indexpostings exchanges|* a8000000000000001gallese Body0:Byte[] BodyLength:Int32 DocumentId:String SortKey:Int64",
            $"indexpostings exchanges|* {DescendingGallese} Body0:Byte[] BodyLength:Int32 DocumentId:String SortKey:Int64",
            "indexpostings exchanges|country|IT a8000000000000001gallese Body0:Byte[] BodyLength:Int32 DocumentId:String SortKey:Int64",
            $"indexpostings exchanges|country|IT {DescendingGallese} Body0:Byte[] BodyLength:Int32 DocumentId:String SortKey:Int64",
            // New with word postings: the index's word list, one word's postings (newest first only), the marker.
            "indexpostings exchanges|~ volunteering ",
            $"indexpostings exchanges|~volunteering {DescendingGallese} DocumentId:String SortKey:Int64",
            "indexpostings ~ words-posted ",
            "appendlog activity a0000000000000000001 AtTicks:Int64 OffsetMinutes:Int32 Payload0:Byte[] PayloadLength:Int32 WriteId:String",
            "appendlog activity d9223372036854775806 WriteId:String",
        ];
        Assert.Equal(expected, await DumpAsync());
    }

    [Fact]
    public async Task TablesWrittenBeforeWordPostingsAreReadAndTheirDocumentsAreFoundByWords()
    {
        await WriteAsEarlierVersionsDidAsync();
        var storage = Open();

        var state = await storage.ReadAsync(Gallese);
        Assert.Equal("{}", Encoding.UTF8.GetString(state!.Data));
        var hit = Assert.Single((await storage.QueryAsync(new IndexQuery("exchanges") { Terms = [new IndexTerm("country", "IT")] })).Items);
        Assert.Equal(new IndexHit("gallese", 1, "{\"id\":\"gallese\"}"), hit);
        var record = Assert.Single(await storage.ReadAsync("activity", 0, 10));
        Assert.Equal((1L, new DateTimeOffset(2017, 10, 12, 9, 30, 0, TimeSpan.FromHours(2)), "signed"), (record.Sequence, record.At, record.Payload));
        Assert.Equal(1, await storage.GetLastSequenceAsync("activity"));

        // Found by its words before it has word postings (the search reads the index) and after.
        var search = new IndexQuery("exchanges") { Text = "smaller munic*" };
        Assert.Equal(["gallese"], (await storage.QueryAsync(search)).Items.Select(h => h.DocumentId));
        await storage.EnsureWordsPostedAsync(CancellationToken.None);
        Assert.Contains($"indexpostings exchanges|~municipalities {DescendingGallese} DocumentId:String SortKey:Int64", await DumpAsync());
        Assert.Equal(["gallese"], (await storage.QueryAsync(search)).Items.Select(h => h.DocumentId));

        // Its entry has no word order: a phrase matches it when all the phrase's words are there.
        Assert.Equal(["gallese"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "\"smaller municipalities\"" })).Items.Select(h => h.DocumentId));

        // The ETag read is the one to write with, and the document's rewrite drops the words it lost.
        await storage.WriteAsync(Gallese, Encoding.UTF8.GetBytes("{\"v\":2}"), state.ETag,
            [new IndexEntry("exchanges", "gallese") { SortKey = 1, Text = "smaller towns", Terms = [new IndexTerm("country", "IT")] }]);
        Assert.Empty((await storage.QueryAsync(search)).Items);
        Assert.DoesNotContain(await DumpAsync(), line => line.StartsWith("indexpostings exchanges|~municipalities ", StringComparison.Ordinal));
    }

    /// <summary>One exchange, its index document and one activity record, entity by entity as earlier versions wrote them.</summary>
    private async Task WriteAsEarlierVersionsDidAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        async Task AddAsync(string table, TableEntity entity)
        {
            var client = service.GetTableClient(_prefix + table);
            await client.CreateIfNotExistsAsync();
            await client.AddEntityAsync(entity);
        }

        var version = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        await AddAsync("grainstate", Blobs(new TableEntity("exchange|gallese", "state")
        {
            ["Version"] = version,
            ["Pending"] = false,
            ["WriteId"] = "0f8fad5bd9cb469fa16570867728950e",
        }, ("Data", "{}"), ("Entries", $"[{Entry}]"), ("Unpublish", "[]")));
        await AddAsync("indexdocs", Blobs(new TableEntity("exchanges", "gallese")
        {
            ["OwnerType"] = "exchange",
            ["OwnerKey"] = "gallese",
            ["OwnerState"] = "state",
            ["Version"] = version,
        }, ("Keys", $"""[["exchanges|*","a8000000000000001gallese"],["exchanges|*","{DescendingGallese}"],["exchanges|country|IT","a8000000000000001gallese"],["exchanges|country|IT","{DescendingGallese}"]]""")));
        foreach (var partition in new[] { "exchanges|*", "exchanges|country|IT" })
        {
            foreach (var row in new[] { "a8000000000000001gallese", DescendingGallese })
            {
                await AddAsync("indexpostings", Blobs(new TableEntity(partition, row) { ["SortKey"] = 1L, ["DocumentId"] = "gallese" }, ("Body", Entry)));
            }
        }

        var at = new DateTimeOffset(2017, 10, 12, 9, 30, 0, TimeSpan.FromHours(2));
        await AddAsync("appendlog", Blobs(new TableEntity("activity", "a0000000000000000001")
        {
            ["AtTicks"] = at.UtcTicks,
            ["OffsetMinutes"] = 120,
            ["WriteId"] = "7c9e6679742540de944be07fc1f90ae7",
        }, ("Payload", "signed")));
        await AddAsync("appendlog", new TableEntity("activity", "d9223372036854775806") { ["WriteId"] = "7c9e6679742540de944be07fc1f90ae7" });
    }

    /// <summary>Byte strings as the provider keeps them: <c>Name0</c> (binary) and <c>NameLength</c> (32-bit).</summary>
    private static TableEntity Blobs(TableEntity entity, params (string Name, string Text)[] blobs)
    {
        foreach (var (name, text) in blobs)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            entity[name + "0"] = bytes;
            entity[name + "Length"] = bytes.Length;
        }

        return entity;
    }

    private AzureTableStorage Open() => new(new AzureTableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = _prefix });

    /// <summary>Every entity of the provider's tables: table, keys, and each property's name and type as the SDK reads it.</summary>
    private async Task<List<string>> DumpAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var lines = new List<string>();
        foreach (var table in new[] { "grainstate", "indexdocs", "indexpostings", "appendlog" })
        {
            await foreach (var entity in service.GetTableClient(_prefix + table).QueryAsync<TableEntity>())
            {
                var properties = entity.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}:{entity[k]?.GetType().Name}");
                lines.Add($"{table} {entity.PartitionKey} {entity.RowKey} {string.Join(' ', properties)}");
            }
        }

        return lines;
    }
}
