using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class PlatformTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task HealthAndReadinessAnswerWithoutAKeyAndReadinessHasOneEntryPerDependency()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var alive = await (await anonymous.GetAsync("/healthz")).AssertJsonAsync(HttpStatusCode.OK);
        var ready = await (await anonymous.GetAsync("/readyz")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", alive.GetProperty("status").GetString());
        Assert.Empty(alive.GetProperty("entries").EnumerateObject());
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal(["storage"], ready.GetProperty("entries").EnumerateObject().Select(e => e.Name));
        var storage = ready.GetProperty("entries").GetProperty("storage");
        Assert.Equal("healthy", storage.GetProperty("status").GetString());
        Assert.True(TimeSpan.Parse(storage.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture) > TimeSpan.Zero);
        Assert.True(TimeSpan.Parse(ready.GetProperty("totalDuration").GetString()!, CultureInfo.InvariantCulture) >= TimeSpan.Zero);
    }

    [Fact]
    public async Task TheOpenApiDocumentNamesAndSummarisesEveryRoute()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete").Select(o => (path.Name, o.Value)))
            .ToList();
        Assert.Contains(operations, o => o.Name == "/municipalities/{id}");
        Assert.Contains(operations, o => o.Name == "/projects/{id}/eligibility");
        Assert.All(operations, o =>
        {
            Assert.True(o.Value.TryGetProperty("operationId", out _), $"{o.Name} has no operationId");
            Assert.True(o.Value.TryGetProperty("summary", out _), $"{o.Name} has no summary");
        });
    }

    [Theory]
    [InlineData("/municipalities/{id}", "MunicipalityResponse")]
    [InlineData("/projects/{id}", "ProjectResponse")]
    public async Task TheOpenApiDocumentDeclaresTheBodyOfAPageReadFromItsSerializedCopy(string path, string schema)
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var ok = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        var reference = ok.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal($"#/components/schemas/{schema}", reference);
    }

    [Fact]
    public async Task ARequestWithoutAKeyIsUnauthorizedWithProblemDetails()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/municipalities");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("Bearer not-a-key")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task AnUnknownOrMalformedKeyIsUnauthorized(string authorization)
    {
        using var client = api.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/municipalities");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUnknownRouteIsNotFoundWithProblemDetails()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/no/such/route")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABodyLargerThanTheLimitIsRefusedWith413()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await coordinator.PostAsync("/municipalities", new StringContent($"{{\"id\":\"big\",\"name\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsRefusedWith415()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsync("/municipalities", new StringContent("id=x&name=y", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("{\"id\": \"broken\", ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"id\": 42, \"name\": \"x\", \"country\": \"SI\"}")]
    [InlineData("{\"id\": \"nested\", \"languages\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"x\"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public async Task MalformedJsonIsABadRequestWithProblemDetails(string body)
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsync("/municipalities", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RetryingAPostWithTheSameIdempotencyKeyReplaysTheFirstAnswer()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var body = JsonSerializer.Serialize(new { id = "idem-town", name = "Idem", country = "SI" });

        var first = await SendWithKeyAsync(coordinator, "key-1", body);
        var second = await SendWithKeyAsync(coordinator, "key-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task ReusingAnIdempotencyKeyWithAnotherBodyIsUnprocessable()
    {
        using var coordinator = api.CreateCoordinatorClient();

        (await SendWithKeyAsync(coordinator, "key-2", JsonSerializer.Serialize(new { id = "idem-a", name = "A", country = "SI" }))).EnsureSuccessStatusCode();
        var reused = await SendWithKeyAsync(coordinator, "key-2", JsonSerializer.Serialize(new { id = "idem-b", name = "B", country = "SI" }));

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await coordinator.GetAsync("/municipalities/idem-b")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentDuplicatesWithOneIdempotencyKeyCreateOnceAndAllGetTheSameAnswer()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var body = JsonSerializer.Serialize(new { id = "idem-concurrent", name = "C", country = "SI" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendWithKeyAsync(coordinator, "key-3", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var keys = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()));
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task AnIdempotencyKeyIsScopedToItsCaller()
    {
        var key = await api.CreateMunicipalityAsync("idem-caller", "SI");
        using var coordinator = api.CreateCoordinatorClient();
        using var municipality = api.CreateClient(key);
        var body = JsonSerializer.Serialize(new { id = "idem-scope", name = "S", country = "SI" });

        (await SendWithKeyAsync(coordinator, "shared-key", body)).EnsureSuccessStatusCode();
        var other = await SendWithKeyAsync(municipality, "shared-key", body);

        // Not the coordinator's stored 201: the municipality's own request, which it may not make.
        await other.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
