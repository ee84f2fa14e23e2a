using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Api.Configuration;
using Collaboration.Api.Tests.Security.Support;
using Collaboration.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Security;

/// <summary>
/// Thousands of generated malformed and hostile requests across every route of the route table, with the coordinator's
/// key and with a municipality's: never a 5xx, and every 4xx is problem details. Afterwards the service still works.
/// </summary>
public sealed class HostileInputTests(CollaborationApiFactory api, ITestOutputHelper output) : IClassFixture<CollaborationApiFactory>
{
    private const int Seed = 20261122;

    [Fact]
    public async Task NoMalformedOrHostileRequestGetsA5xxAndEvery4xxIsProblemDetails()
    {
        var routes = RouteTable.Read(api.Services);
        var maxBody = api.Services.GetRequiredService<IOptions<CollaborationOptions>>().Value.Limits.MaxRequestBodyBytes;
        var asCoordinator = await SecurityWorld.CreateAsync(api);
        var asMunicipality = await SecurityWorld.CreateAsync(api);
        var batches = new[]
        {
            (Key: CollaborationApiFactory.CoordinatorKey, Requests: new HostileRequestGenerator(asCoordinator, Seed, maxBody).Generate(routes).ToList()),
            (Key: asMunicipality.OwnerKey, Requests: new HostileRequestGenerator(asMunicipality, Seed + 1, maxBody).Generate(routes).ToList()),
        };

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var (key, requests) in batches)
        {
            using var client = api.CreateClient(key);
            using var gate = new SemaphoreSlim(8);
            await Task.WhenAll(requests.Select(async request =>
            {
                await gate.WaitAsync();
                try
                {
                    var (status, failure) = await SendAsync(client, request);
                    lock (failures)
                    {
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        if (failure is not null)
                        {
                            failures.Add(failure);
                        }
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var sent = batches.Sum(b => b.Requests.Count);
        output.WriteLine($"{sent} requests over {routes.Count} routes: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(sent >= 1000, $"Only {sent} requests were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were wrong:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(30)));

        // Nothing the barrage sent broke the storage or the service.
        using var coordinator = api.CreateCoordinatorClient();
        Assert.True((await coordinator.GetAsync("/readyz")).IsSuccessStatusCode);
        Assert.True((await coordinator.GetAsync($"/municipalities/{asCoordinator.Owner}")).IsSuccessStatusCode);
        Assert.True((await coordinator.GetAsync("/agreements")).IsSuccessStatusCode);
    }

    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient client, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            HttpContent content = hostile.Chunked ? new StreamContent(new MemoryStream(hostile.Body)) : new ByteArrayContent(hostile.Body);
            content.Headers.ContentType = hostile.ContentType is null ? null : MediaTypeHeaderValue.Parse(hostile.ContentType);
            if (hostile.Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }

            request.Content = content;
        }

        foreach (var (name, value) in hostile.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The in-memory test host cannot carry a NUL in a path (a real server refuses such a request line itself).
            return (0, null);
        }

        using var _ = response;
        var status = (int)response.StatusCode;
        // A live stream (Server-Sent Events) never ends: its headers are the answer.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return (status, $"{status} for {hostile.Describe()}: {Shorten(text)}");
        }

        if (status >= 400 && !IsProblem(response, text, status))
        {
            return (status, $"{status} without problem details for {hostile.Describe()}: {response.Content.Headers.ContentType} {Shorten(text)}");
        }

        return (status, null);
    }

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.GetProperty("status").GetInt32() == status && problem.TryGetProperty("title", out _);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
