using Collaboration.Api.Features.Metrics;
using Collaboration.Silo.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Collaboration.Api.Hosting;

/// <summary>
/// The Api's telemetry: the silo's (<see cref="CollaborationTelemetry"/>) with ASP.NET Core's requests, the
/// Prometheus exporter behind <c>/metrics</c>, and the metrics port.
/// </summary>
internal static class TelemetrySetup
{
    private const string DefaultUrl = "http://localhost:5000";

    public static void AddApiTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<CollaborationMetrics>();

        // Every log line written while a request is handled carries its trace and span (console scopes, OTLP records).
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var settings = builder.AddCollaborationTelemetry(
            "collaboration-api",
            metrics: meters => meters
                .AddAspNetCoreInstrumentation()
                // Each scrape sees the latest figures; scrapers are few (a key or a port of their own).
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0),
            tracing: traces => traces.AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context.Request.Path)));

        if (settings.Metrics && settings.MetricsPort is { } port)
        {
            // Kestrel binds the configured addresses only when the app names none itself: the port joins them.
            builder.WebHost.UseUrls([.. ConfiguredUrls(builder.Configuration), $"http://*:{port}"]);
        }
    }

    /// <summary>Requests that arrive on the metrics port get the metrics without a key, and nothing else.</summary>
    public static void UseMetricsPort(this WebApplication app)
    {
        var settings = TelemetrySettings.From(app.Configuration);
        if (!settings.Metrics || settings.MetricsPort is not { } port)
        {
            return;
        }

        app.MapWhen(context => context.Connection.LocalPort == port, metricsPort =>
        {
            metricsPort.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsApi.Path);
            metricsPort.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }

    // Probes and scrapes every few seconds would bury the requests in traces.
    private static bool IsProbeOrScrape(PathString path) =>
        path.Equals("/healthz", StringComparison.Ordinal) || path.Equals("/readyz", StringComparison.Ordinal) || path.Equals(MetricsApi.Path, StringComparison.Ordinal);

    /// <summary>The addresses Kestrel would bind without us: <c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else its default.</summary>
    private static string[] ConfiguredUrls(IConfiguration configuration)
    {
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        string[] ports =
        [
            .. Ports(configuration[WebHostDefaults.HttpPortsKey]).Select(p => $"http://*:{p}"),
            .. Ports(configuration[WebHostDefaults.HttpsPortsKey]).Select(p => $"https://*:{p}"),
        ];
        return ports.Length > 0 ? ports : [DefaultUrl];
    }

    private static string[] Ports(string? ports) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
