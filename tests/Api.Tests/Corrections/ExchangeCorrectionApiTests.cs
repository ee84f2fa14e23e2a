using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Exchanges;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Corrections;

public sealed class ExchangeCorrectionApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheAuthorEditsAtTheVersionItReadAndAStaleEditIsRefused()
    {
        var network = new ExchangeNetwork(api, "xe1");
        await network.AddPartnersAsync(("novo-mesto", "SI"), ("gallese", "IT"));
        var posted = await network.PostAsync("novo-mesto", "NGOs and the municiplaity", themes: [network.Theme]);
        var id = posted.GetProperty("id").GetString()!;
        using var author = network.As("novo-mesto");
        var read = await author.GetAsync($"/exchanges/{id}");
        var edit = new { kind = "goodPractice", title = "NGOs and the municipality integrating migrants", summary = "How Novo mesto works with its NGOs.", themes = new[] { network.Theme } };

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/exchanges/{id}") { Content = JsonContent.Create(edit) };
        first.Headers.IfMatch.Add(read.Headers.ETag!);
        var edited = await author.SendAsync(first);
        using var second = new HttpRequestMessage(HttpMethod.Put, $"/exchanges/{id}") { Content = JsonContent.Create(edit) };
        second.Headers.IfMatch.Add(read.Headers.ETag!);
        var stale = await author.SendAsync(second);

        var body = await edited.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("NGOs and the municipality integrating migrants", body.GetProperty("title").GetString());
        Assert.True(body.TryGetProperty("updatedAt", out _));
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var found = await (await author.GetAsync($"/exchanges?theme={Uri.EscapeDataString(network.Theme)}&q=integrating")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, found.GetProperty("items").GetArrayLength());

        using var other = network.As("gallese");
        await (await other.PutAsJsonAsync($"/exchanges/{id}", edit)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var coordinator = api.CreateCoordinatorClient();
        Assert.Contains("exchange.edited", await ActivityLog.TypesOfAsync(coordinator, $"exchange/{id}"));
    }

    [Fact]
    public async Task AWithdrawnExchangeLeavesListsAndSearchButStillAnswersForItsAdoptions()
    {
        var network = new ExchangeNetwork(api, "xe2");
        await network.AddPartnersAsync(("novo-mesto", "SI"), ("gallese", "IT"), ("kelme", "LT"));
        var posted = await network.PostAsync("novo-mesto", "Migrant welcome model", themes: [network.Theme]);
        var id = posted.GetProperty("id").GetString()!;
        using var adopter = network.As("gallese");
        await (await adopter.PutAsJsonAsync($"/exchanges/{id}/adoptions/{network.Id("gallese")}", new { status = "interested" })).AssertJsonAsync(HttpStatusCode.Created);
        using var stranger = network.As("kelme");
        await (await stranger.PostAsync($"/exchanges/{id}/withdrawal", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        using var author = network.As("novo-mesto");
        var withdrawn = await (await author.PostAsync($"/exchanges/{id}/withdrawal", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());
        var listed = await (await author.GetAsync($"/exchanges?theme={Uri.EscapeDataString(network.Theme)}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());
        var searched = await (await author.GetAsync("/exchanges?q=welcome%20model")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(searched.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        var read = await (await adopter.GetAsync($"/exchanges/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(read.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(1, read.GetProperty("adoptions").GetArrayLength());
        await (await author.PutAsJsonAsync($"/exchanges/{id}", new { kind = "goodPractice", title = "T", summary = "S", themes = new[] { "x" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        using var coordinator = api.CreateCoordinatorClient();
        Assert.Contains("exchange.withdrawn", await ActivityLog.TypesOfAsync(coordinator, $"exchange/{id}"));
    }
}
