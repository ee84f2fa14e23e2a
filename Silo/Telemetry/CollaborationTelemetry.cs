using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Collaboration.Silo.Telemetry;

/// <summary>
/// OpenTelemetry for a silo and for the Api that co-hosts one: the meters and activity sources of the project and of
/// Orleans, exported as <see cref="TelemetrySettings"/> says. Nothing is registered for what is off, so that with
/// metrics off and no OTLP endpoint no listener exists and no instrument records.
/// </summary>
public static class CollaborationTelemetry
{
    /// <summary>The project's own meter (<see cref="CollaborationMetrics"/>).</summary>
    public const string MeterName = "Collaboration";

    /// <summary>The meter Orleans publishes its runtime's metrics on.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// Orleans's spans of calls to our grains, of the storage calls they make and of activations. Its runtime source
    /// (calls between its own system targets) is left out: those are not requests, only background noise.
    /// </summary>
    public static IReadOnlyList<string> OrleansActivitySources { get; } =
    [
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.StorageActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
    ];

    /// <summary>
    /// Registers what is on. <paramref name="metrics"/> and <paramref name="tracing"/> add the host's own
    /// instrumentation and exporters (the Api's ASP.NET Core and Prometheus) before OTLP.
    /// </summary>
    public static TelemetrySettings AddCollaborationTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<MeterProviderBuilder>? metrics = null,
        Action<TracerProviderBuilder>? tracing = null)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        // Metrics need a way out: the host's (the Api's /metrics) or OTLP; a silo on its own without OTLP has none.
        var collectMetrics = settings.Metrics && (metrics is not null || settings.Otlp);
        if (!collectMetrics && !settings.Otlp)
        {
            return settings;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName));
        if (collectMetrics)
        {
            telemetry.WithMetrics(meters =>
            {
                meters.AddMeter(MeterName, OrleansMeterName).AddRuntimeInstrumentation();
                metrics?.Invoke(meters);
                if (settings.Otlp)
                {
                    meters.AddOtlpExporter();
                }
            });
        }

        if (settings.Otlp)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddSource([.. OrleansActivitySources]);
                tracing?.Invoke(traces);
                traces.AddOtlpExporter();
            });

            // Log records carry the trace and span of the activity they were written in.
            telemetry.WithLogging(logs => logs.AddOtlpExporter(), options => options.IncludeFormattedMessage = true);
        }

        return settings;
    }
}
