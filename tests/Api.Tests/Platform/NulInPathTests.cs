using System.Net;
using System.Text.Json;
using Collaboration.Api.Errors;
using Collaboration.Api.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Api.Tests.Platform;

/// <summary>
/// A NUL character in the path. Kestrel refuses %00 before the app (bare 400, see the end-to-end RealServerLimitsTests)
/// and so does the test host's URL decoding; a server that hands the app a decoded NUL gets 400 problem details that
/// say what to remove, on every kind of route, never a lookup of an id with a NUL in it. The test host's
/// <c>SendAsync</c> sets the path as such a server would, past any URL decoding.
/// </summary>
public sealed class NulInPathTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Theory]
    [InlineData("GET", "/municipalities/a\0b")]
    [InlineData("GET", "/municipalities/\0")]
    [InlineData("PUT", "/exchanges/ex-1\0/adoptions/gallese")]
    [InlineData("POST", "/agreements/\0/signatures")]
    [InlineData("GET", "/no-such-route/\0")]
    public async Task APathWithANulCharacterIsA400ProblemThatSaysSo(string method, string path)
    {
        var context = await api.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = new PathString(path);
            c.Request.Headers.Authorization = $"Bearer {CollaborationApiFactory.CoordinatorKey}";
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(ProblemTypes.TitleOf(400), problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(ProblemTypes.TypeOf(400), problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(
            "The path contains a NUL character (%00); no address of this API has one. Remove it from the URL.",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task APercentSignEncodedBeforeTheZerosIsAnOrdinaryCharacterOfAnId()
    {
        using var coordinator = api.CreateCoordinatorClient();

        // %2500 is the three characters "%00", not a NUL: an unknown partner.
        await (await coordinator.GetAsync("/municipalities/a%2500b")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
