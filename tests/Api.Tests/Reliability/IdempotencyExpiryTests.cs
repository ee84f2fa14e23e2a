using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Reliability.Support;
using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Reliability;

/// <summary>Idempotency-Key records live 24 hours by the API's clock, then are forgotten and deleted.</summary>
public sealed class IdempotencyExpiryTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    [Fact]
    public async Task AKeyReplaysForADayThenIsForgottenAndItsRecordIsDeleted()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var body = JsonSerializer.Serialize(new { id = "expiring-town", name = "Expiring", country = "SI" });
        var other = JsonSerializer.Serialize(new { id = "expiring-other", name = "Other", country = "SI" });
        var first = await (await PostAsync(coordinator, "old-key", body)).AssertJsonAsync(HttpStatusCode.Created);

        api.Clock.Advance(TimeSpan.FromHours(23));
        var replay = await PostAsync(coordinator, "old-key", body);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.GetProperty("apiKey").GetString(), (await replay.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("apiKey").GetString());
        await (await PostAsync(coordinator, "old-key", other)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        // Another key's record, a day younger, must outlive the sweep.
        (await PostAsync(coordinator, "young-key", JsonSerializer.Serialize(new { id = "young-town", name = "Young", country = "SI" }))).EnsureSuccessStatusCode();
        api.Clock.Advance(TimeSpan.FromHours(1));
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyJanitorGrain>(IIdempotencyJanitorGrain.Key).SweepAsync();

        Assert.Equal(1, await api.Services.GetRequiredService<IGrainIndex>().CountAsync(new IndexQuery(IndexNames.Idempotency)));
        // Forgotten: the same request runs again (the partner exists now: 409, no replay, no new key), another body is a new request.
        var again = await PostAsync(coordinator, "old-key", body);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        await (await PostAsync(coordinator, "old-key", other)).AssertJsonAsync(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
