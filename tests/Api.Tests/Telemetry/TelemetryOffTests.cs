using System.Net;
using Collaboration.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collaboration.Api.Tests.Telemetry;

/// <summary>With the defaults (metrics off, no OTLP endpoint) nothing of OpenTelemetry listens or exports; the console still shows each line's trace.</summary>
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

    [Fact]
    public void TheConsoleWritesTheTraceAndSpanOfEachLineInItsScope()
    {
        var console = api.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var simple = api.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;
        var tracking = api.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;

        Assert.Equal(ConsoleFormatterNames.Simple, console.FormatterName);
        Assert.True(simple.IncludeScopes);
        Assert.Equal(ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId, tracking);
    }
}
