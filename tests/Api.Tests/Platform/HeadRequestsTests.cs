using System.Net;
using Collaboration.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Platform;

public sealed class HeadRequestsTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task HeadAnswersEveryGetRouteWithItsStatusAndHeadersAndNoBody()
    {
        await api.CreateMunicipalityAsync("head-town", "SI");
        using var coordinator = api.CreateCoordinatorClient();
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Select(path => path.Replace("{id}", "head-town", StringComparison.Ordinal))
            // The Orleans dashboard's "/orleans" redirects to "/orleans/", which this client follows as a GET.
            .Where(path => !path.Contains('{', StringComparison.Ordinal) && path is not ("/network/activity/stream" or "/orleans"))
            .Distinct()
            .ToList();
        Assert.Contains("/municipalities/head-town", routes);

        foreach (var path in routes)
        {
            var get = await coordinator.GetAsync(path);
            var head = await coordinator.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path} is {(int)head.StatusCode}, GET {(int)get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.True((await head.Content.ReadAsByteArrayAsync()).Length == 0, $"HEAD {path} has a body");
        }
    }

    [Fact]
    public async Task HeadNeedsTheKeyItsGetNeeds()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var projects = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/projects"));
        var health = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));

        Assert.Equal(HttpStatusCode.Unauthorized, projects.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
