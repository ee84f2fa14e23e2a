using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Network;

public sealed class NetworkApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheActivityLogIsReadAfterASequenceNumberOldestFirst()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var before = await LastSeqAsync(coordinator);
        await api.CreateMunicipalityAsync("act-a", "IT");
        await api.CreateMunicipalityAsync("act-b", "SI");
        await api.CreateMunicipalityAsync("act-c", "ME");

        var page = await (await coordinator.GetAsync($"/network/activity?after={before}&limit=2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([before + 1, before + 2], page.EnumerateArray().Select(r => r.GetProperty("seq").GetInt64()));
        var first = page[0];
        Assert.Equal("municipality.created", first.GetProperty("type").GetString());
        Assert.Equal("coordinator", first.GetProperty("actor").GetString());
        Assert.Equal("municipality/act-a", first.GetProperty("subject").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("summary").GetString()));
        Assert.True(first.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal(["seq", "at", "type", "actor", "subject", "summary"], first.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=x", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=1.5&limit=abc", "after", "limit")]
    public async Task InvalidActivityParametersAreNamed(string query, params string[] fields)
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync($"/network/activity?{query}")).AssertValidationProblemAsync(fields);
    }

    [Fact]
    public async Task AnInvalidLastEventIdIsABadRequestBeforeAnyStreamStarts()
    {
        using var coordinator = api.CreateCoordinatorClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/network/activity/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        await (await coordinator.SendAsync(request)).AssertValidationProblemAsync("Last-Event-ID");
    }

    [Theory]
    [InlineData("/network/summary")]
    [InlineData("/network/graph")]
    [InlineData("/network/statistics")]
    [InlineData("/network/inactive")]
    [InlineData("/network/events/upcoming")]
    [InlineData("/network/activity")]
    [InlineData("/network/activity/stream")]
    public async Task MonitoringIsForTheCoordinatorOnly(string path)
    {
        var key = await api.CreateMunicipalityAsync("mon-" + Math.Abs(path.GetHashCode(StringComparison.Ordinal)), "SI");
        using var municipality = api.CreateClient(key);
        using var anonymous = api.CreateClient(apiKey: null);

        await (await municipality.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=3651")]
    [InlineData("days=soon")]
    public async Task TheInactivityWindowIsValidated(string query)
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync($"/network/inactive?{query}")).AssertValidationProblemAsync("days");
    }

    [Fact]
    public async Task PartnersThatJustActedAreNotQuiet()
    {
        await api.CreateMunicipalityAsync("quiet-a", "IT");
        using var coordinator = api.CreateCoordinatorClient();

        var quiet = await (await coordinator.GetAsync("/network/inactive?days=1")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(quiet.EnumerateArray(), p => p.GetProperty("id").GetString() == "quiet-a");
    }

    [Fact]
    public async Task UpcomingEventsAreAnEmptyListWhileNoneAreRecorded()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var events = await (await coordinator.GetAsync("/network/events/upcoming?limit=5")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, events.ValueKind);
        await (await coordinator.GetAsync("/network/events/upcoming?limit=0")).AssertValidationProblemAsync("limit");
    }

    private static async Task<long> LastSeqAsync(HttpClient client)
    {
        var records = await client.GetFromJsonAsync<JsonElement>("/network/activity?limit=1000");
        return records.GetArrayLength() == 0 ? 0 : records[records.GetArrayLength() - 1].GetProperty("seq").GetInt64();
    }
}
