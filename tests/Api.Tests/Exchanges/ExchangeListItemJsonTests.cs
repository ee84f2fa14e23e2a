using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Features.Exchanges;
using Collaboration.Api.Http;
using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Tests.Exchanges;

/// <summary>
/// A search writes each exchange from the JSON the index stores for it (its payload), re-escaping its strings but never
/// serializing the item again: these tests prove the answer is byte for byte what serializing the item would write.
/// </summary>
public sealed class ExchangeListItemJsonTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static readonly ExchangeListItem[] VariedItems =
    [
        new("ex-plain", ExchangeKind.GoodPractice, "Hosting families", "Plain text.", ["migration"], "kelme", "LT", "shelter", "en", Noon),
        new("ex-nulls", ExchangeKind.Question, "Who funds NGOs?", "No project, no language.", [], "gallese", "IT", null, null, Noon.AddTicks(1234567)),
        new("ex-accents", ExchangeKind.LessonLearned, "Kelmė and Laragne-Montéglin", "Čeština, Ελληνικά, Ørsted, naïve café", ["culture", "Žalioji ekonomika", "housing"], "laragne-monteglin", "FR", null, "lt", Noon.ToOffset(TimeSpan.FromHours(2))),
        new("ex-escapes", ExchangeKind.Resource, "\"Quoted\" <b>bold</b> & 'single' \\ slash / solidus", "Line one\nline two\ttab \u0001 control, + plus, ` backtick", ["a&b", "<theme>"], "novo-mesto", "SI", "p-1", "sl", Noon.ToOffset(TimeSpan.FromMinutes(-330))),
        new("ex-astral", ExchangeKind.GoodPractice, "Emoji 🌍 and 𝄞 outside the basic plane", "Lone surrogate-free text \u2028 with separators \u2029", ["🌍"], "kelme", "LT", null, "en", new DateTimeOffset(2017, 1, 1, 23, 59, 59, 999, TimeSpan.FromHours(14))),
        new("ex-odd", ExchangeKind.Resource, "No lone surrogates (a request cannot hold one), \u007F delete, \u00A0 no-break, \uFEFF bom, \uFFFD replacement", "Slash \\u0041 not an escape", ["é"], "b", "FR", null, "fr", Noon.ToOffset(TimeSpan.FromMinutes(45))),
        new("ex-far-offset", ExchangeKind.Question, "", "", ["one", "two", "three", "four", "five"], "a", "ME", "x", "", new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.FromHours(-12))),
    ];

    [Fact]
    public void TheStoredJsonOfVariedListItemsIsWrittenByteForByteAsTheApiSerializesThem()
    {
        var apiJson = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        // Payloads are stored escaped as the API escapes; those stored before that have every non-ASCII character escaped.
        foreach (var (item, storedWith) in VariedItems.SelectMany(i => new[] { (i, GrainStateSerializer.ListedPayloadOptions), (i, GrainStateSerializer.Options) }))
        {
            var stored = JsonSerializer.Serialize(item, storedWith);
            var written = new ArrayBufferWriter<byte>();
            using (var writer = StoredJson.CreateWriter(written, apiJson))
            {
                StoredJson.Write(writer, stored);
            }

            Assert.Equal(JsonSerializer.Serialize(ExchangeListItemResponse.From(item), apiJson), Encoding.UTF8.GetString(written.WrittenSpan));
        }
    }

    [Fact]
    public void AListedPayloadIsAlreadyWhatTheApiWritesSoItIsCopiedAsItIs()
    {
        var apiJson = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var item = VariedItems.Single(i => i.Id == "ex-accents");

        var stored = JsonSerializer.Serialize(item, GrainStateSerializer.ListedPayloadOptions);

        Assert.DoesNotContain('\\', stored);
        Assert.Equal(JsonSerializer.Serialize(ExchangeListItemResponse.From(item), apiJson), stored);
    }

    [Fact]
    public async Task ASearchPageWritesEachExchangeWithTheSameBytesAsAListThatSerializesIt()
    {
        var net = new ExchangeNetwork(api, "json1");
        await net.AddPartnersAsync(("kelme", "LT"), ("canepina", "IT"));
        await net.AddProjectAsync("shelter", "kelme", "canepina");
        await net.PostAsync("kelme", "Kelmė welcomes \"newcomers\" <together> & more", themes: [net.Theme, "Žalioji ekonomika"], projectId: net.Id("shelter"));
        await net.PostAsync("kelme", "Emoji 🌍 \\ slash", kind: "question", summary: "Line one\nline two\ttab");
        await net.PostAsync("kelme", "Plain", kind: "resource", themes: [net.Theme, "housing", "culture"]);
        using var coordinator = net.As("kelme");

        var searched = await (await coordinator.GetAsync($"/exchanges?author={net.Id("kelme")}")).AssertJsonAsync(HttpStatusCode.OK);
        var listed = await (await coordinator.GetAsync($"/municipalities/{net.Id("kelme")}/exchanges")).AssertJsonAsync(HttpStatusCode.OK);

        var searchedItems = searched.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        var listedItems = listed.GetProperty("posted").GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
        Assert.Equal(3, searchedItems.Count);
        Assert.Equal(listedItems, searchedItems);
        Assert.Equal(JsonValueKind.Null, searched.GetProperty("nextCursor").ValueKind);
    }
}
