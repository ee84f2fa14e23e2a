using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Api.Security;
using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Time;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Collaboration.Api.Tests.Operations;

/// <summary>
/// The Orleans dashboard at /orleans, on the single-process host (a co-hosted silo): refused without the coordinator's
/// credentials, whatever the route; served with its key or with the session cookie that key starts.
/// </summary>
public sealed class OrleansDashboardTests(OrleansDashboardTests.SessionClockFactory api) : IClassFixture<OrleansDashboardTests.SessionClockFactory>
{
    public static TheoryData<string> Routes => new()
    {
        "/orleans",
        "/orleans/",
        "/orleans/index.html",
        "/orleans/index.min.js",
        "/orleans/index.css",
        "/orleans/fonts/fa-solid-900.woff2",
        "/orleans/img/OrleansLogo.png",
        "/orleans/version",
        "/orleans/DashboardCounters",
        "/orleans/ClusterStats",
        "/orleans/TopGrainMethods",
        "/orleans/GrainTypes",
        "/orleans/Reminders",
        "/orleans/Trace",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteOfTheOrleansDashboardAnswers401ProblemDetailsWithoutAKey(string path)
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("/orleans/session", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRouteOfTheOrleansDashboardAnswers403ProblemDetailsToAPartnersKey(string path)
    {
        using var partner = api.CreateClient(await PartnerKeyAsync());

        var response = await partner.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task APartnersKeyStartsNoSessionAndAnUnknownKeyIsUnauthorized()
    {
        using var partner = api.CreateClient(await PartnerKeyAsync());
        using var unknown = api.CreateClient("col_" + new string('x', 43));

        var forbidden = await partner.PostAsync("/orleans/session", content: null);
        var unauthorized = await unknown.PostAsync("/orleans/session", content: null);

        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(forbidden.Headers.Contains("Set-Cookie"));
        await unauthorized.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(unauthorized.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheCoordinatorsKeyOpensThePageUnderAStrictContentSecurityPolicy()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var page = await coordinator.GetAsync("/orleans/");
        var script = await coordinator.GetAsync("/orleans/index.min.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task TheDashboardWithoutItsSlashRedirectsToItSoThatItsRelativeLinksResolveUnderOrleans(string method)
    {
        using var coordinator = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(new HttpMethod(method), "/orleans");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CollaborationApiFactory.CoordinatorKey);

        var response = await coordinator.SendAsync(request);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/orleans/", response.Headers.Location?.OriginalString);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheDashboardsCountersShowThisSiloActiveWithItsActivations()
    {
        using var coordinator = api.CreateCoordinatorClient();
        await api.CreateMunicipalityAsync($"odc-{Guid.NewGuid():N}"[..20]);
        var silo = api.Services.GetRequiredService<ILocalSiloDetails>();

        var counters = await CountersOnceRefreshedAsync(coordinator);

        var host = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal(silo.SiloAddress.ToParsableString(), host.GetProperty("siloAddress").GetString());
        Assert.Equal("Active", host.GetProperty("status").GetString());
        Assert.Equal(1, counters.GetProperty("totalActiveHostCount").GetInt32());
        Assert.True(counters.GetProperty("totalActivationCount").GetInt32() > 0, counters.ToString());
        Assert.Contains(counters.GetProperty("simpleGrainStats").EnumerateArray(),
            grain => grain.GetProperty("grainType").GetString()!.Contains("MunicipalityGrain", StringComparison.Ordinal));
    }

    /// <summary>
    /// The counters once the dashboard has refreshed them. It refreshes at most once a second by the wall clock (its
    /// grain reads <see cref="DateTime.UtcNow"/>, not a <see cref="TimeProvider"/>), and until its first refresh after
    /// activating they are empty; so they are asked for again until they name a silo, within a minute.
    /// </summary>
    private static async Task<JsonElement> CountersOnceRefreshedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var counters = await (await client.GetAsync("/orleans/DashboardCounters")).AssertJsonAsync(HttpStatusCode.OK);
            if (counters.GetProperty("hosts").GetArrayLength() > 0 || DateTime.UtcNow > deadline)
            {
                return counters;
            }
        }
    }

    [Fact]
    public async Task ASessionStartedWithTheCoordinatorsKeyIsAnHttpOnlyStrictCookieForOrleansThatServesTheDashboardWithoutTheKey()
    {
        using var browser = api.CreateClient(apiKey: null);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/orleans/session");
        signIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CollaborationApiFactory.CoordinatorKey);

        var started = await browser.SendAsync(signIn);
        var page = await browser.GetAsync("/orleans/");
        var counters = await browser.GetAsync("/orleans/DashboardCounters");
        var apiRoute = await browser.GetAsync("/network/summary");

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(OrleansDashboardSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/orleans", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal("application/json", counters.Content.Headers.ContentType?.MediaType);

        // The cookie opens the Orleans dashboard only, not the API.
        await apiRoute.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ASessionEndsThirtyMinutesAfterItStartedHoweverOftenItIsUsed()
    {
        using var browser = api.CreateClient(apiKey: null);
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/orleans/session");
        signIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CollaborationApiFactory.CoordinatorKey);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signIn)).StatusCode);

        api.SessionClock.Advance(OrleansDashboardSession.Lifetime - TimeSpan.FromMinutes(1));
        var late = await browser.GetAsync("/orleans/version");
        api.SessionClock.Advance(TimeSpan.FromMinutes(2));
        var over = await browser.GetAsync("/orleans/version");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        await over.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AForgedSessionCookieIsUnauthorized()
    {
        using var browser = api.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/DashboardCounters");
        request.Headers.Add("Cookie", OrleansDashboardSession.CookieName + "=CfDJ8forged");

        var response = await browser.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<string> PartnerKeyAsync() => await api.CreateMunicipalityAsync($"odp-{Guid.NewGuid():N}"[..20]);

    /// <summary>The real API, whose session cookies are timed by a manual clock (the rest of the app keeps the system's).</summary>
    public sealed class SessionClockFactory : CollaborationApiFactory
    {
        public ManualTimeProvider SessionClock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.PostConfigure<CookieAuthenticationOptions>(OrleansDashboardSession.CookieScheme, cookie => cookie.TimeProvider = SessionClock));
        }
    }
}
