using System.Net;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

public sealed class RateLimitingTests(RateLimitingTests.LowLimitFactory api) : IClassFixture<RateLimitingTests.LowLimitFactory>
{
    [Fact]
    public async Task AKeyOverItsLimitGets429WithRetryAfterWhileAnotherKeyIsServed()
    {
        var key = await api.CreateMunicipalityAsync("chatty-town", "SI");
        using var chatty = api.CreateClient(key);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await chatty.GetAsync("/municipalities/chatty-town");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));

        using var coordinator = api.CreateCoordinatorClient();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities/chatty-town")).StatusCode);
    }

    public sealed class LowLimitFactory : CollaborationApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collaboration:Limits:RequestsPerWindow"] = "4",
            ["Collaboration:Limits:Window"] = "01:00:00",
        };
    }
}
