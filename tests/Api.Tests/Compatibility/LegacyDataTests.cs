using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Api.Errors;
using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Formats;

namespace Collaboration.Api.Tests.Compatibility;

/// <summary>
/// A data folder written by the last build before the move to Orleans (LegacyData/README.md) opens unchanged and
/// every route answers as that build answered: the grain type and state names, the JSON of the states, the index
/// entries and the ETags all carried over.
/// </summary>
public sealed class LegacyDataTests(LegacyDataTests.LegacyApiFactory api) : IClassFixture<LegacyDataTests.LegacyApiFactory>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Compatibility", "LegacyData");

    private static readonly JsonObject Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    /// <summary>Routes whose answer depends on the day they are read: only their status is compared.</summary>
    private static readonly string[] DependOnToday = ["/network/inactive?days=90"];

    public static TheoryData<string, string> Reads()
    {
        var data = new TheoryData<string, string>();
        foreach (var read in Manifest["reads"]!.AsArray())
        {
            data.Add(read!["path"]!.GetValue<string>(), read["as"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryRouteAnswersAsTheBuildThatWroteTheDataAnswered(string path, string actor)
    {
        var expected = Manifest["reads"]!.AsArray().Single(r => r!["path"]!.GetValue<string>() == path && r["as"]!.GetValue<string>() == actor)!;
        using var client = api.CreateClient(KeyOf(actor));

        using var response = await client.GetAsync(path);

        Assert.Equal(expected["status"]!.GetValue<int>(), (int)response.StatusCode);
        Assert.Equal(expected["contentType"]!.GetValue<string>(), response.Content.Headers.ContentType?.ToString());
        if (expected["etag"] is { } etag)
        {
            Assert.Equal(etag.GetValue<string>(), response.Headers.ETag?.ToString());
        }

        if (DependOnToday.Contains(path))
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        if (expected["json"] is { } json)
        {
            var actual = JsonNode.Parse(body);
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                // One title per status since the legacy build (ProblemTypes); what differs between problems is the detail.
                Assert.Equal(ProblemTypes.TitleOf((int)response.StatusCode), actual!["title"]!.GetValue<string>());
                json = json.DeepClone();
                json["title"] = actual["title"]!.GetValue<string>();
            }

            Assert.True(
                JsonNode.DeepEquals(WithoutVolatile(json.DeepClone()), WithoutVolatile(WithoutAddedFields(actual))),
                $"GET {path} answered{Environment.NewLine}{actual?.ToJsonString()}{Environment.NewLine}where the legacy build answered{Environment.NewLine}{json.ToJsonString()}");
        }
        else if (response.Content.Headers.ContentType?.MediaType == "text/calendar")
        {
            Assert.Equal(CalendarContent(expected["text"]!.GetValue<string>()), CalendarContent(body));
        }
        else
        {
            Assert.Equal(expected["text"]!.GetValue<string>(), body);
        }
    }

    [Fact]
    public async Task APartnerOfTheLegacyDataCanChangeItsProfileWithTheETagTheLegacyBuildGaveOut()
    {
        var read = Manifest["reads"]!.AsArray().First(r => r!["path"]!.GetValue<string>() == "/municipalities/gallese")!;
        using var client = api.CreateClient(KeyOf("gallese"));
        var profile = read["json"]!.AsObject();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/municipalities/gallese")
        {
            Content = JsonContent(new JsonObject
            {
                ["name"] = profile["name"]!.DeepClone(),
                ["country"] = profile["country"]!.DeepClone(),
                ["region"] = "Lazio (Viterbo)",
            }),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read["etag"]!.GetValue<string>()));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reread = await client.GetAsync("/municipalities/gallese");
        var body = JsonNode.Parse(await reread.Content.ReadAsStringAsync())!;
        Assert.Equal("Lazio (Viterbo)", body["region"]!.GetValue<string>());
        Assert.NotEqual(read["etag"]!.GetValue<string>(), reread.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task TheLegacyActivityLogContinuesWithoutAGap()
    {
        var before = Manifest["reads"]!.AsArray().First(r => r!["path"]!.GetValue<string>() == "/network/activity")!["json"]!.AsArray();
        var last = before.Max(r => r!["seq"]!.GetValue<long>());
        using var partner = api.CreateClient(KeyOf("kelme"));
        using var post = await partner.PostAsync("/exchanges", JsonContent(new JsonObject
        {
            ["kind"] = "question",
            ["title"] = "Who hosts the 2027 meeting?",
            ["summary"] = "A question asked after the move to Orleans.",
            ["themes"] = new JsonArray("networking"),
        }));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);

        using var client = api.CreateClient(KeyOf("coordinator"));
        var after = JsonNode.Parse(await client.GetStringAsync($"/network/activity?after={last}"))!.AsArray();

        // Numbered on from the legacy log's last record, with no gap (other tests of this class may have written too).
        Assert.Equal(
            Enumerable.Range(1, after.Count).Select(i => last + i),
            after.Select(r => r!["seq"]!.GetValue<long>()));
        Assert.Contains(after, r => r!["type"]!.GetValue<string>() == "exchange.posted" && r["actor"]!.GetValue<string>() == "kelme");
    }

    private static string KeyOf(string actor) =>
        actor == "coordinator"
            ? Manifest["coordinatorKey"]!.GetValue<string>()
            : Manifest["partners"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == actor)!["apiKey"]!.GetValue<string>();

    private static StringContent JsonContent(JsonNode node) => new(node.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// The field added since the legacy build, which its clients never read: whether a partner is active (it can be
    /// deactivated). Every field the legacy build answered must still be there, with its value.
    /// </summary>
    private static JsonNode? WithoutAddedFields(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["active"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    obj.Remove("active");
                }

                foreach (var (_, value) in obj.ToList())
                {
                    WithoutAddedFields(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutAddedFields(item);
                }

                break;
        }

        return node;
    }

    /// <summary>What differs on every request (manifest.json, "volatile"): the trace id of a problem, the summary's time.</summary>
    private static JsonNode? WithoutVolatile(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("traceId");
            obj.Remove("asOf");
        }

        return node;
    }

    /// <summary>
    /// A calendar as its readers see it: the properties of the calendar and of each event, each event's in any order
    /// (Ical.Net writes them alphabetically), folds undone, without DTSTAMP (the time of the request) and without
    /// SEQUENCE:0, RFC 5545's default, which Ical.Net writes and the legacy build left out.
    /// </summary>
    private static string CalendarContent(string ics)
    {
        var calendar = IcsChecker.Check(ics);
        return string.Join('\n', new[] { calendar }.Concat(calendar.Components).Select(component => component.Name + " " + string.Join(
            " | ",
            component.Properties
                .Where(p => p.Name != "DTSTAMP" && !(p.Name == "SEQUENCE" && p.Value == "0"))
                .Select(p => $"{p.Name}{string.Concat(p.Parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $";{kv.Key}={kv.Value}"))}:{p.Value}")
                .Order(StringComparer.Ordinal))));
    }

    /// <summary>The API on a copy of the legacy folder, with the coordinator key the legacy build was run with.</summary>
    public sealed class LegacyApiFactory : CollaborationApiFactory
    {
        private readonly string _dataPath = CopyOfLegacyFolder();

        public override string DataPath => _dataPath;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collaboration:CoordinatorKey"] = Manifest["coordinatorKey"]!.GetValue<string>(),
        };

        private static string CopyOfLegacyFolder()
        {
            var path = Path.Combine(Path.GetTempPath(), "collaboration-api-tests", "legacy-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            File.Copy(Path.Combine(Folder, "collaboration.db"), Path.Combine(path, "collaboration.db"));
            return path;
        }
    }
}
