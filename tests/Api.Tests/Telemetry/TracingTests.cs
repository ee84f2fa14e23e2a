using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Collaboration.Api.Tests.Support;
using Collaboration.Api.Tests.Telemetry.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;

namespace Collaboration.Api.Tests.Telemetry;

/// <summary>
/// Traces and logs with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set: one request's spans, from the route through the grain
/// call to the storage write, reach an in-process exporter and the OTLP endpoint; its log lines carry its trace.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests(TracingTests.TracedFactory api) : IClassFixture<TracingTests.TracedFactory>
{
    // A bound that only turns a span that never ends into a failure instead of a hang.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task OneRequestsSpansReachTheExportersWithTheRouteTheGrainCallAndTheStorageWrite()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new { id = "traced-town", name = "Traced", country = "SI" }, CollaborationApiFactory.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        static bool IsTheRequest(Activity span) => span.Source.Name == "Microsoft.AspNetCore"
            && span.Kind == ActivityKind.Server && span.GetTagItem("url.path") as string == "/municipalities" && span.GetTagItem("http.request.method") as string == "POST";
        await api.Spans.EndedAsync(IsTheRequest).WaitAsync(Patience);
        Assert.True(api.Services.GetRequiredService<TracerProvider>().ForceFlush());

        var request = Assert.Single(api.Spans, IsTheRequest);
        var trace = api.Spans.Where(span => span.TraceId == request.TraceId).ToList();
        var grainCall = Assert.Single(trace, span => span.Source.Name == "Microsoft.Orleans.Application"
            && span.Kind == ActivityKind.Server && (span.GetTagItem("orleans.rpc.service") as string ?? "").Contains("IMunicipalityGrain", StringComparison.Ordinal));
        Assert.Contains(trace, span => span.Source.Name == "Microsoft.Orleans.Storage" && span.DisplayName == "write storage" && span.ParentSpanId == grainCall.SpanId);
        Assert.Equal("/municipalities/", request.GetTagItem("http.route"));
        Assert.Equal("POST /municipalities/", request.DisplayName);

        // The same spans went out over OTLP: protobuf carries the names and the trace id as their bytes.
        var exported = api.Receiver.Bodies("/v1/traces");
        Assert.Contains(exported, body => Holds(body, TraceIdBytes(request)) && Holds(body, Encoding.UTF8.GetBytes("POST /municipalities/")));
        Assert.Contains(exported, body => Holds(body, TraceIdBytes(request)) && Holds(body, Encoding.UTF8.GetBytes("write storage")));
    }

    [Fact]
    public async Task EveryLogLineOfARequestCarriesItsTraceIdInScopesAndOverOtlpAndSoDoesItsProblem()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var problem = await (await coordinator.GetAsync("/municipalities/no-such-town")).AssertProblemAsync(HttpStatusCode.NotFound);
        static bool IsTheRequest(Activity span) => span.Source.Name == "Microsoft.AspNetCore"
            && span.GetTagItem("url.path") as string == "/municipalities/no-such-town";
        // The request's last log line is written as its span ends, which can be after the client has the answer.
        await api.Spans.EndedAsync(IsTheRequest).WaitAsync(Patience);
        Assert.True(api.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(api.Services.GetRequiredService<LoggerProvider>().ForceFlush());

        var request = Assert.Single(api.Spans, IsTheRequest);
        var lines = api.Logs.Lines.Where(line => line.Scopes.GetValueOrDefault("RequestPath") == "/municipalities/no-such-town").ToList();
        Assert.True(lines.Count >= 2, "The request logged less than its start and its end.");
        Assert.All(lines, line => Assert.Equal(request.TraceId.ToHexString(), line.Scopes.GetValueOrDefault("TraceId")));
        Assert.Contains(api.Receiver.Bodies("/v1/logs"), body => Holds(body, TraceIdBytes(request)));
        Assert.Contains(request.TraceId.ToHexString(), problem.GetProperty("traceId").GetString(), StringComparison.Ordinal);
    }

    private static byte[] TraceIdBytes(Activity span)
    {
        var bytes = new byte[16];
        span.TraceId.CopyTo(bytes);
        return bytes;
    }

    private static bool Holds(byte[] body, byte[] part) => body.AsSpan().IndexOf(part) >= 0;

    /// <summary>The real API with an OTLP endpoint (an <see cref="OtlpReceiver"/>), an in-memory span exporter and captured logs.</summary>
    public sealed class TracedFactory : CollaborationApiFactory
    {
        public OtlpReceiver Receiver { get; } = new();

        public ExportedSpans Spans { get; } = [];

        public CapturedLogs Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // The start and end of every request are logged, so that a request surely has log lines.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(traces => traces.AddInMemoryExporter(Spans));
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Receiver.Dispose();
            }
        }
    }
}
