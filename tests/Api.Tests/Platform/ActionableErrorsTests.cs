using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

/// <summary>Every error says what to change: the field, what it takes, the header's form.</summary>
public sealed class ActionableErrorsTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task AnUnknownFieldIsRefusedWithItsNameAndTheFieldsThatExist()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsync("/municipalities", Json("""{"id":"typo-town","name":"Typo","country":"SI","contactMail":"a@b.si"}"""));

        var problem = await response.AssertValidationProblemAsync("contactMail");
        Assert.Contains("'contactMail' is not a field", Message(problem, "contactMail"), StringComparison.Ordinal);
        Assert.Contains("contactEmail", Message(problem, "contactMail"), StringComparison.Ordinal);
        await (await coordinator.GetAsync("/municipalities/typo-town")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWrongEnumValueNamesTheAllowedValues()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsync("/municipalities", Json("""{"id":"enum-town","name":"Enum","country":"SI","kind":"town"}"""));

        var problem = await response.AssertValidationProblemAsync("kind");
        Assert.Equal("Must be one of 'municipality', 'region', 'agency', 'association', 'ngo'.", Message(problem, "kind"));
    }

    [Fact]
    public async Task ABadDateNamesTheFormat()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsync("/projects", Json("""{"id":"date-net","startDate":"15/03/2017"}"""));

        var problem = await response.AssertValidationProblemAsync("startDate");
        Assert.Contains("YYYY-MM-DD", Message(problem, "startDate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"type-town","name":5,"country":"SI"}""", "name", "Must be a string.")]
    [InlineData("""{"id":"type-town","name":"T","country":"SI","population":"12"}""", "population", "Must be an integer (a JSON number, not a string).")]
    [InlineData("""{"id":"type-town","name":"T","country":"SI","languages":[1]}""", "languages[0]", "Must be a string.")]
    [InlineData("""{"id":"type-town","name":"T","country":"SI","languages":"sl"}""", "languages", "Must be an array whose items are each a string.")]
    public async Task AFieldOfTheWrongTypeNamesTheTypeExpected(string body, string field, string message)
    {
        using var coordinator = api.CreateCoordinatorClient();

        var problem = await (await coordinator.PostAsync("/municipalities", Json(body))).AssertValidationProblemAsync(field);

        Assert.Equal(message, Message(problem, field));
    }

    [Fact]
    public async Task AMissingBodySaysThatAJsonBodyIsRequired()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var empty = await coordinator.PostAsync("/municipalities", null);
        var jsonNull = await coordinator.PostAsync("/municipalities", Json("null"));

        foreach (var response in new[] { empty, jsonNull })
        {
            var problem = await response.AssertValidationProblemAsync("body");
            Assert.Contains("needs a JSON object as its body", Message(problem, "body"), StringComparison.Ordinal);
            Assert.DoesNotContain("Implicit body", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BrokenJsonAndAnArrayForAnObjectAreToldApart()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var broken = await (await coordinator.PostAsync("/projects", Json("{\"id\":\"x\","))).AssertValidationProblemAsync("body");
        var array = await (await coordinator.PostAsync("/projects", Json("[1]"))).AssertValidationProblemAsync("body");

        Assert.StartsWith("The body is not valid JSON", Message(broken, "body"), StringComparison.Ordinal);
        Assert.Equal("The body must be a JSON object.", Message(array, "body"));
    }

    [Theory]
    [InlineData(1, "abc")]
    [InlineData(2, "\"abc")]
    [InlineData(3, "\"a\" \"b\"")]
    [InlineData(4, "*, \"a\"")]
    public async Task AnIfMatchThatIsNotAListOfQuotedTagsIs400AndSaysTheForm(int town, string ifMatch)
    {
        await api.CreateMunicipalityAsync($"ifmatch-town-{town}", "SI");
        using var coordinator = api.CreateCoordinatorClient();

        var problem = await (await PutProfileAsync(coordinator, $"ifmatch-town-{town}", ifMatch)).AssertValidationProblemAsync("If-Match");

        Assert.Contains("entity tags in double quotes", Message(problem, "If-Match"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralTagsMatchWhenAnyIsCurrentAndAStaleListNamesNoPlaceholder()
    {
        var key = await api.CreateMunicipalityAsync("tags-town", "SI");
        using var town = api.CreateClient(key);
        var etag = (await town.GetAsync("/municipalities/tags-town")).Headers.ETag!.Tag;

        var stale = await PutProfileAsync(town, "tags-town", "\"old-1\", \"old-2\"");
        var weakOnly = await PutProfileAsync(town, "tags-town", $"W/{etag}");
        var anyOf = await PutProfileAsync(town, "tags-town", $"\"old-1\", W/\"old-2\", {etag}");

        var staleProblem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("None of the 2 entity tags", staleProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var weakProblem = await weakOnly.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("weak", weakProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await anyOf.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EveryProblemHasTheTitleAndTypeOfItsStatus()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        using var coordinator = api.CreateCoordinatorClient();
        var key = await api.CreateMunicipalityAsync("titles-town", "SI");
        using var town = api.CreateClient(key);

        // AssertProblemAsync checks the status's one title and its type on each.
        await (await anonymous.GetAsync("/projects")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await town.PostAsJsonAsync("/projects", new { id = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync("/projects/no-such-project")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/no-such-route")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.PostAsync("/municipalities", new StringContent("x", Encoding.UTF8, "text/plain"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var duplicate = new { id = "titles-town", name = "Again", country = "SI" };
        await (await coordinator.PostAsJsonAsync("/municipalities", duplicate)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await coordinator.PostAsync("/municipalities", Json("""{"id":"Bad Id"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await coordinator.PostAsync("/municipalities", Json("""{"kind":"town"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = Json("""{"id":"idem-town","name":"I","country":"SI"}""") };
        keyed.Headers.Add("Idempotency-Key", "titles-1");
        await (await coordinator.SendAsync(keyed)).AssertJsonAsync(HttpStatusCode.Created);
        using var reused = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = Json("""{"id":"idem-town-2","name":"I","country":"SI"}""") };
        reused.Headers.Add("Idempotency-Key", "titles-1");
        await (await coordinator.SendAsync(reused)).AssertProblemAsync(HttpStatusCode.UnprocessableContent);
    }

    private static async Task<HttpResponseMessage> PutProfileAsync(HttpClient client, string id, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/municipalities/{id}") { Content = Json($$"""{"name":"{{id}}","country":"SI"}""") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
