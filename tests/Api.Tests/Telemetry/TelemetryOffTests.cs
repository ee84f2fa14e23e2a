using System.Net;
using Collaboration.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collaboration.Api.Tests.Telemetry;

/// <summary>With the defaults (metrics off, no OTLP endpoint) nothing of OpenTelemetry is there to listen or export.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryOffTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task WithoutMetricsOrAnOtlpEndpointNoProviderIsRegisteredAndMetricsIsNotARoute()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.Null(api.Services.GetService<MeterProvider>());
    }
}
