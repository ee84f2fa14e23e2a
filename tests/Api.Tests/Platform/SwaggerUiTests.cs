using System.Net;
using Collaboration.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Api.Tests.Platform;

public sealed class SwaggerUiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheSwaggerUiIsServedUnderSwaggerAndReadsTheOpenApiDocument()
    {
        using var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await anonymous.GetAsync("/swagger");
        var page = await anonymous.GetAsync("/swagger/index.html");
        var script = await anonymous.GetStringAsync("/swagger/index.js");

        Assert.Equal(HttpStatusCode.MovedPermanently, root.StatusCode);
        Assert.EndsWith("index.html", root.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathThatOnlyBeginsWithSwaggerIsNotTheUi()
    {
        using var anonymous = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/swaggerish/index.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
