using System.Text.Json;

namespace Collaboration.EndToEnd.Tests.Support;

public static class SuccessJson
{
    /// <summary>Asserts a 2xx answer and returns its JSON body, naming the status and body when it is not one.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
