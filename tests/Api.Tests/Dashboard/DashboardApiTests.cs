using System.Net;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Dashboard;

public sealed class DashboardApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task ThePageAndItsFilesAreServedWithoutAKeyUnderAStrictPolicy(string path, string mediaType)
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task ThePageLoadsNothingFromAnotherOriginAndRunsNoInlineScript()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var html = await anonymous.GetStringAsync("/dashboard");

        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/dashboard/dashboard.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<script", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnchangedFileIsAnsweredNotModified()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        var first = await anonymous.GetAsync("/dashboard/dashboard.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/dashboard.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
