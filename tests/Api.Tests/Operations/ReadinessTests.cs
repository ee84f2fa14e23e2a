using System.Net;
using Collaboration.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Collaboration.Api.Tests.Operations;

public sealed class ReadinessTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task ReadinessNamesTheSiloThatAnsweredAndCountsOneActiveSiloInASingleProcess()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        var silo = api.Services.GetRequiredService<ILocalSiloDetails>();

        var ready = await (await anonymous.GetAsync("/readyz")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal(silo.Name, ready.GetProperty("silo").GetProperty("name").GetString());
        Assert.Equal(silo.SiloAddress.ToString(), ready.GetProperty("silo").GetProperty("address").GetString());
        Assert.Equal(1, ready.GetProperty("activeSilos").GetInt32());
        Assert.Equal(["storage"], ready.GetProperty("entries").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task LivenessNamesNoSilo()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var alive = await (await anonymous.GetAsync("/healthz")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.False(alive.TryGetProperty("silo", out _));
        Assert.False(alive.TryGetProperty("activeSilos", out _));
    }
}
