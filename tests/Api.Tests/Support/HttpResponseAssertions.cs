using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Errors;

namespace Collaboration.Api.Tests.Support;

public static class HttpResponseAssertions
{
    /// <summary>Asserts the status and that the body is RFC 9457 problem details with that status; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        // One title and one type per status across the API: what differs is the detail.
        Assert.Equal(ProblemTypes.TitleOf((int)status), problem.GetProperty("title").GetString());
        Assert.Equal(ProblemTypes.TypeOf((int)status), problem.GetProperty("type").GetString());
        Assert.DoesNotContain('\u0000', text);
        return problem;
    }

    /// <summary>Asserts a 400 validation problem naming <paramref name="fields"/> in its errors map.</summary>
    public static async Task<JsonElement> AssertValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
            Assert.True(messages.GetArrayLength() > 0);
        }

        return problem;
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<T?> ReadJsonAsync<T>(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<T>(CollaborationApiFactory.Json);
}
