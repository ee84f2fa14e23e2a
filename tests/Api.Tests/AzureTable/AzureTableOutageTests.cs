using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.AzureTable;

/// <summary>The API while its Azure Table storage is down (Azurite killed), and after it is back on the same port.</summary>
public sealed class AzureTableOutageTests(AzureTableApiFactory api) : IClassFixture<AzureTableApiFactory>
{
    // Generous: the storage gives up after four attempts within about two seconds per request.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnOutageFailsReadinessAndWritesWith503AndRetryAfterAndBothRecoverWhenStorageIsBack()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        using var coordinator = api.CreateCoordinatorClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        await api.CreateMunicipalityAsync("before-outage");

        await api.Azurite.StopAsync();
        var clock = Stopwatch.StartNew();

        var ready = await anonymous.GetAsync("/readyz");
        var notReady = await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", notReady.GetProperty("entries").GetProperty("storage").GetProperty("status").GetString());
        Assert.NotNull(ready.Headers.RetryAfter);
        var write = await coordinator.PostAsJsonAsync("/municipalities", new { id = "during-outage", name = "During", country = "SI" });
        await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(write.Headers.RetryAfter);
        Assert.True(clock.Elapsed < Bound, $"The outage took {clock.Elapsed} to show.");

        await api.Azurite.StartAgainAsync();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        var retried = await coordinator.PostAsJsonAsync("/municipalities", new { id = "during-outage", name = "During", country = "SI" });
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var read = await (await coordinator.GetAsync("/municipalities/during-outage")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("During", read.GetProperty("name").GetString());
    }
}
