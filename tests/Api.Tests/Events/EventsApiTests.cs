using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Events;

/// <summary>Events and participation through the API on SQLite: every route's answers and every actor it refuses.</summary>
// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class EventsApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private readonly EventsNetwork _network = new(api);

    private static JsonSerializerOptions Json => CollaborationApiFactory.Json;

    /// <summary>A project "{prefix}" of partners {prefix}-host (lead), {prefix}-guest and {prefix}-other, and an outsider {prefix}-out.</summary>
    private async Task ProjectAsync(string prefix, string measure = "networkOfTowns")
    {
        await _network.ProjectAsync(prefix, $"Project {prefix}", measure, "2017-01-01", "2018-12-31",
            ($"{prefix}-host", "IT", "Host"), ($"{prefix}-guest", "SI", "Guest"), ($"{prefix}-other", "ME", "Other"));
        await _network.PartnerAsync($"{prefix}-out", "HR");
    }

    private async Task<string> EventAsync(string prefix, string startDate = "2017-10-12", string endDate = "2017-10-16")
    {
        using var host = _network.As($"{prefix}-host");
        return await EventsNetwork.CreateEventAsync(host, prefix, EventsNetwork.Body($"{prefix}-host", startDate, endDate));
    }

    [Fact]
    public async Task APartnerRecordsAnEventHostedByAnotherAndEveryKeyReadsIt()
    {
        await ProjectAsync("ev1");
        using var guest = _network.As("ev1-guest");

        var response = await guest.PostAsJsonAsync("/projects/ev1/events",
            EventsNetwork.Body("ev1-host", "2017-10-12", "2017-10-16", title: "International conference", kind: "conference"), Json);

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^ev-[0-9a-f]{32}$", id);
        Assert.Equal($"/events/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("ev1", created.GetProperty("projectId").GetString());
        Assert.Equal("conference", created.GetProperty("kind").GetString());
        Assert.Equal("ev1-host", created.GetProperty("host").GetString());
        Assert.Equal("2017-10-16", created.GetProperty("endDate").GetString());
        Assert.Equal("confirmed", created.GetProperty("status").GetString());
        Assert.Equal(0, created.GetProperty("totalParticipants").GetInt32());

        using var outsider = _network.As("ev1-out");
        var read = await outsider.GetAsync($"/events/{id}");
        var body = await read.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("International conference", body.GetProperty("title").GetString());
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
        var project = await (await outsider.GetAsync("/projects/ev1")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([id], project.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheCoordinatorRecordsAnEvent()
    {
        await ProjectAsync("ev2");
        using var coordinator = _network.Coordinator();

        var response = await coordinator.PostAsJsonAsync("/projects/ev2/events", EventsNetwork.Body("ev2-guest", "2017-05-01", "2017-05-01"), Json);

        await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ATownOutsideTheProjectCannotRecordItsEvents()
    {
        await ProjectAsync("ev3");
        using var outsider = _network.As("ev3-out");

        var response = await outsider.PostAsJsonAsync("/projects/ev3/events", EventsNetwork.Body("ev3-host", "2017-05-01", "2017-05-01"), Json);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var coordinator = _network.Coordinator();
        var events = await (await coordinator.GetAsync("/projects/ev3/events")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, events.GetArrayLength());
    }

    [Fact]
    public async Task EventRoutesWantAKey()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        await (await anonymous.GetAsync("/projects/anything/events")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/projects/anything/events", EventsNetwork.Body("a", "2017-05-01", "2017-05-01"), Json))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/projects/anything/report")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EventsOfAnUnknownProjectAreNotFound()
    {
        using var coordinator = _network.Coordinator();

        await (await coordinator.PostAsJsonAsync("/projects/no-such-project/events", EventsNetwork.Body("a", "2017-05-01", "2017-05-01"), Json))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/projects/no-such-project/events")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/projects/NOT%20A%20SLUG/events")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidEventFieldsAreNamed()
    {
        await ProjectAsync("ev4");
        using var coordinator = _network.Coordinator();

        var empty = await coordinator.PostAsJsonAsync("/projects/ev4/events", new { title = " ", host = "Not A Slug" }, Json);
        var reversed = await coordinator.PostAsJsonAsync("/projects/ev4/events", EventsNetwork.Body("ev4-host", "2017-05-02", "2017-05-01"), Json);

        await empty.AssertValidationProblemAsync("title", "kind", "host", "place", "startDate", "endDate", "description");
        await reversed.AssertValidationProblemAsync("endDate");
    }

    [Theory]
    [InlineData("ev5a", "kind", "party")]
    [InlineData("ev5b", "startDate", "12/10/2017")]
    [InlineData("ev5c", "startDate", "2017-02-30")]
    public async Task AnUnknownKindOrAnImpossibleDateIsABadRequestNamingTheField(string prefix, string field, string value)
    {
        await ProjectAsync(prefix);
        using var coordinator = _network.Coordinator();
        var body = new Dictionary<string, string>
        {
            ["title"] = "Workshop", ["kind"] = "workshop", ["host"] = "x", ["place"] = "Hall",
            ["startDate"] = "2017-05-01", ["endDate"] = "2017-05-01", ["description"] = "to meet",
            [field] = value,
        };

        var response = await coordinator.PostAsJsonAsync($"/projects/{prefix}/events", body, Json);

        await response.AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task TheHostMustBeAPartnerOfTheProject()
    {
        await ProjectAsync("ev6");
        using var coordinator = _network.Coordinator();

        var outsiderHosts = await coordinator.PostAsJsonAsync("/projects/ev6/events", EventsNetwork.Body("ev6-out", "2017-05-01", "2017-05-01"), Json);
        var nobodyHosts = await coordinator.PostAsJsonAsync("/projects/ev6/events", EventsNetwork.Body("ev6-nobody", "2017-05-01", "2017-05-01"), Json);

        await outsiderHosts.AssertValidationProblemAsync("host");
        await nobodyHosts.AssertValidationProblemAsync("host");
    }

    [Fact]
    public async Task AnEventMustLieWithinTheProjectButMayBeLongPast()
    {
        await ProjectAsync("ev7");
        using var host = _network.As("ev7-host");

        var before = await host.PostAsJsonAsync("/projects/ev7/events", EventsNetwork.Body("ev7-host", "2016-12-31", "2017-01-01"), Json);
        var after = await host.PostAsJsonAsync("/projects/ev7/events", EventsNetwork.Body("ev7-host", "2018-12-31", "2019-01-01"), Json);
        var past = await host.PostAsJsonAsync("/projects/ev7/events", EventsNetwork.Body("ev7-host", "2017-01-01", "2018-12-31"), Json);

        await before.AssertValidationProblemAsync("startDate");
        await after.AssertValidationProblemAsync("endDate");
        await past.AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AProjectsEventsAreListedOldestFirstWithCancelledOnesMarked()
    {
        await ProjectAsync("ev8");
        var autumn = await EventAsync("ev8", "2017-10-12", "2017-10-16");
        var spring = await EventAsync("ev8", "2017-03-01", "2017-03-02");
        var summer = await EventAsync("ev8", "2017-07-01", "2017-07-01");
        using var host = _network.As("ev8-host");
        (await host.PostAsync($"/events/{summer}/cancellation", null)).EnsureSuccessStatusCode();

        var events = await (await host.GetAsync("/projects/ev8/events")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([spring, summer, autumn], events.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(["confirmed", "cancelled", "confirmed"], events.EnumerateArray().Select(e => e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TheHostAndTheCoordinatorUpdateAnEventAtTheVersionTheyRead()
    {
        await ProjectAsync("ev9");
        var id = await EventAsync("ev9");
        using var host = _network.As("ev9-host");
        var read = await host.GetAsync($"/events/{id}");

        var update = new HttpRequestMessage(HttpMethod.Put, $"/events/{id}")
        {
            Content = JsonContent.Create(EventsNetwork.Body("ev9-host", "2017-10-12", "2017-10-15", title: "Conference"), options: Json),
        };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        var updated = await host.SendAsync(update);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/events/{id}")
        {
            Content = JsonContent.Create(EventsNetwork.Body("ev9-host", "2017-10-12", "2017-10-14", title: "Stale"), options: Json),
        };
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        var refused = await host.SendAsync(stale);
        using var coordinator = _network.Coordinator();
        var byCoordinator = await coordinator.PutAsJsonAsync($"/events/{id}",
            EventsNetwork.Body("ev9-guest", "2017-10-12", "2017-10-15", title: "Conference in Slovenia"), Json);

        var body = await updated.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Conference", body.GetProperty("title").GetString());
        Assert.NotEqual(read.Headers.ETag, updated.Headers.ETag);
        await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var moved = await byCoordinator.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ev9-guest", moved.GetProperty("host").GetString());
    }

    [Fact]
    public async Task NeitherAnotherPartnerNorTheCreatorThatDoesNotHostMayChangeAnEvent()
    {
        await ProjectAsync("ev10");
        using var guest = _network.As("ev10-guest");
        var id = await EventsNetwork.CreateEventAsync(guest, "ev10", EventsNetwork.Body("ev10-host", "2017-10-12", "2017-10-16"));
        using var outsider = _network.As("ev10-out");

        var byCreator = await guest.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ev10-guest", "2017-10-12", "2017-10-16"), Json);
        var byOutsider = await outsider.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ev10-host", "2017-10-12", "2017-10-16"), Json);
        var cancelByCreator = await guest.PostAsync($"/events/{id}/cancellation", null);

        await byCreator.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byOutsider.AssertProblemAsync(HttpStatusCode.Forbidden);
        await cancelByCreator.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnUpdateIsValidatedLikeACreation()
    {
        await ProjectAsync("ev11");
        var id = await EventAsync("ev11");
        using var host = _network.As("ev11-host");

        var invalid = await host.PutAsJsonAsync($"/events/{id}", new { title = "Only a title" }, Json);
        var outsiderHosts = await host.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ev11-out", "2017-10-12", "2017-10-16"), Json);
        var outside = await host.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ev11-host", "2019-10-12", "2019-10-16"), Json);

        await invalid.AssertValidationProblemAsync("kind", "host", "place", "startDate", "endDate", "description");
        await outsiderHosts.AssertValidationProblemAsync("host");
        await outside.AssertValidationProblemAsync("startDate", "endDate");
    }

    [Theory]
    [InlineData("ev-00000000000000000000000000000000")]
    [InlineData("not-an-event")]
    public async Task AnUnknownEventIsNotFoundOnEveryRoute(string id)
    {
        using var coordinator = _network.Coordinator();

        await (await coordinator.GetAsync($"/events/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("a", "2017-05-01", "2017-05-01"), Json))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.PostAsync($"/events/{id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await EventsNetwork.RecordAsync(coordinator, id, "somewhere", 3)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync($"/events/{id}/report")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheHostCancelsAnEventWithAReasonAndThenNothingChangesIt()
    {
        await ProjectAsync("ev12");
        var id = await EventAsync("ev12");
        using var host = _network.As("ev12-host");
        using var guest = _network.As("ev12-guest");
        using var coordinator = _network.Coordinator();

        var cancelled = await host.PostAsJsonAsync($"/events/{id}/cancellation", new { reason = "Flooding in the region" }, Json);

        var body = await cancelled.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal("Flooding in the region", body.GetProperty("cancellationReason").GetString());
        Assert.True(body.TryGetProperty("cancelledAt", out _));
        await (await coordinator.PostAsync($"/events/{id}/cancellation", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await host.PutAsJsonAsync($"/events/{id}", EventsNetwork.Body("ev12-host", "2017-10-12", "2017-10-16"), Json))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await EventsNetwork.RecordAsync(guest, id, "ev12-guest", 10)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheCoordinatorCancelsWithoutABodyAndAStaleIfMatchIsRefused()
    {
        await ProjectAsync("ev13");
        var id = await EventAsync("ev13");
        using var coordinator = _network.Coordinator();
        var read = await coordinator.GetAsync($"/events/{id}");
        await _network.RecordAsync(id, "ev13-guest", 4);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/events/{id}/cancellation");
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        var refused = await coordinator.SendAsync(stale);
        var cancelled = await coordinator.PostAsync($"/events/{id}/cancellation", null);

        await refused.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("cancelled", (await cancelled.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ATownTheHostAndTheCoordinatorRecordParticipationAndTheHostsIsLocal()
    {
        await ProjectAsync("ev14");
        var id = await EventAsync("ev14");
        using var host = _network.As("ev14-host");
        using var guest = _network.As("ev14-guest");
        using var coordinator = _network.Coordinator();

        await (await EventsNetwork.RecordAsync(guest, id, "ev14-guest", 12)).AssertJsonAsync(HttpStatusCode.OK);
        await (await EventsNetwork.RecordAsync(host, id, "ev14-other", 9)).AssertJsonAsync(HttpStatusCode.OK);
        var last = await EventsNetwork.RecordAsync(coordinator, id, "ev14-host", 40);

        var body = await last.AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotNull(last.Headers.ETag);
        Assert.Equal(
            [("ev14-guest", 12, "invited", "ev14-guest"), ("ev14-host", 40, "local", "coordinator"), ("ev14-other", 9, "invited", "ev14-host")],
            body.GetProperty("participation").EnumerateArray().Select(p => (
                p.GetProperty("municipalityId").GetString(), p.GetProperty("participants").GetInt32(),
                p.GetProperty("role").GetString(), p.GetProperty("recordedBy").GetString())));
        Assert.Equal((61, 40, 21), (
            body.GetProperty("totalParticipants").GetInt32(), body.GetProperty("localParticipants").GetInt32(),
            body.GetProperty("invitedParticipants").GetInt32()));
    }

    [Fact]
    public async Task AnotherPartnerOrAnOutsiderCannotRecordATownsParticipation()
    {
        await ProjectAsync("ev15");
        var id = await EventAsync("ev15");
        using var other = _network.As("ev15-other");
        using var outsider = _network.As("ev15-out");

        await (await EventsNetwork.RecordAsync(other, id, "ev15-guest", 12)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await EventsNetwork.RecordAsync(outsider, id, "ev15-guest", 12)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyAPartnerOfTheProjectCanHaveParticipation()
    {
        await ProjectAsync("ev16");
        var id = await EventAsync("ev16");
        using var outsider = _network.As("ev16-out");
        using var coordinator = _network.Coordinator();

        await (await EventsNetwork.RecordAsync(outsider, id, "ev16-out", 5)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await EventsNetwork.RecordAsync(coordinator, id, "ev16-nobody", 5)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await EventsNetwork.RecordAsync(coordinator, id, "Not A Slug", 5)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ev17a", "-1")]
    [InlineData("ev17b", "100001")]
    [InlineData("ev17c", "99999999999")]
    [InlineData("ev17d", "12.5")]
    [InlineData("ev17e", "\"twelve\"")]
    [InlineData("ev17f", "null")]
    public async Task NegativeOrAbsurdNumbersOfParticipantsAreBadRequests(string prefix, string participants)
    {
        await ProjectAsync(prefix);
        var id = await EventAsync(prefix);
        using var guest = _network.As($"{prefix}-guest");

        var response = await guest.PutAsync($"/events/{id}/participation/{prefix}-guest",
            new StringContent($"{{\"participants\":{participants}}}", Encoding.UTF8, "application/json"));

        await response.AssertValidationProblemAsync("participants");
    }

    [Fact]
    public async Task ZeroRecordsThatATownSentNobodyAndTheLargestDelegationIsAccepted()
    {
        await ProjectAsync("ev18");
        var id = await EventAsync("ev18");
        using var coordinator = _network.Coordinator();

        await (await EventsNetwork.RecordAsync(coordinator, id, "ev18-guest", 0)).AssertJsonAsync(HttpStatusCode.OK);
        var body = await (await EventsNetwork.RecordAsync(coordinator, id, "ev18-other", 100_000)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([0, 100_000], body.GetProperty("participation").EnumerateArray().Select(p => p.GetProperty("participants").GetInt32()));
    }

    [Fact]
    public async Task ParticipationAtAStaleVersionIsRefused()
    {
        await ProjectAsync("ev19");
        var id = await EventAsync("ev19");
        using var guest = _network.As("ev19-guest");
        var read = await guest.GetAsync($"/events/{id}");
        await _network.RecordAsync(id, "ev19-other", 3);

        var request = new HttpRequestMessage(HttpMethod.Put, $"/events/{id}/participation/ev19-guest")
        {
            Content = JsonContent.Create(new { participants = 7 }, options: Json),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        var response = await guest.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ARetriedCreationWithTheSameIdempotencyKeyRecordsOneEvent()
    {
        await ProjectAsync("ev20");
        using var host = _network.As("ev20-host");
        var json = JsonSerializer.Serialize(EventsNetwork.Body("ev20-host", "2017-05-01", "2017-05-01"), Json);

        async Task<HttpResponseMessage> PostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/projects/ev20/events") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "ev20-once");
            return await host.SendAsync(request);
        }

        var first = await (await PostAsync()).AssertJsonAsync(HttpStatusCode.Created);
        var second = await (await PostAsync()).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        var events = await (await host.GetAsync("/projects/ev20/events")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, events.GetArrayLength());
    }

    [Fact]
    public async Task AnEventBodyThatIsNotJsonIsUnsupported()
    {
        await ProjectAsync("ev21");
        using var host = _network.As("ev21-host");

        var response = await host.PostAsync("/projects/ev21/events", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task TheEventRoutesAreDescribedInTheOpenApiDocument()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/projects/{id}/events", "/events/{eventId}", "/events/{eventId}/cancellation", "/events/{eventId}/participation/{municipalityId}",
            "/projects/{id}/report", "/events/{eventId}/report", "/projects/{id}/calendar.ics", "/municipalities/{id}/calendar.ics",
            "/projects/{id}/participants.csv",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }
}
