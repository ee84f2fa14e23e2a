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
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(7, scripts.Count);
        Assert.All(scripts, script => Assert.Matches("^<script src=\"/dashboard/[a-z0-9./-]+\\.js\" defer>$", script));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/vendor/cytoscape.min.js", "text/javascript", "Cytoscape Consortium")]
    [InlineData("/dashboard/vendor/layout-base.js", "text/javascript", "layoutBase")]
    [InlineData("/dashboard/vendor/cose-base.js", "text/javascript", "coseBase")]
    [InlineData("/dashboard/vendor/cytoscape-fcose.js", "text/javascript", "cytoscapeFcose")]
    [InlineData("/dashboard/vendor/chart.umd.min.js", "text/javascript", "Chart.js v4.6.1")]
    [InlineData("/dashboard/vendor/topojson-client.min.js", "text/javascript", "topojson-client v3.1.0")]
    [InlineData("/dashboard/vendor/countries-50m.json", "application/json", "\"countries\"")]
    public async Task EveryLibraryThePageDrawsWithIsServedFromThisServerWithItsLicence(string path, string mediaType, string mark)
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync(path);
        var licence = await anonymous.GetAsync(DashboardLicence(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mark, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single().Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
        Assert.Contains("Permission", await licence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFileThePageNamesIsServed()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        var html = await anonymous.GetStringAsync("/dashboard");

        var named = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/dashboard/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(named);
        foreach (var path in named)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    private static string DashboardLicence(string path) => Path.GetFileName(path) switch
    {
        "cytoscape.min.js" => "/dashboard/vendor/cytoscape.LICENSE.txt",
        "layout-base.js" => "/dashboard/vendor/layout-base.LICENSE.txt",
        "cose-base.js" => "/dashboard/vendor/cose-base.LICENSE.txt",
        "cytoscape-fcose.js" => "/dashboard/vendor/cytoscape-fcose.LICENSE.txt",
        "chart.umd.min.js" => "/dashboard/vendor/chart.js.LICENSE.txt",
        "topojson-client.min.js" => "/dashboard/vendor/topojson-client.LICENSE.txt",
        _ => "/dashboard/vendor/world-atlas.LICENSE.txt",
    };

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
