using Microsoft.Extensions.Configuration;

namespace Collaboration.Silo.Telemetry;

/// <summary>
/// What is measured and where it goes: metrics when <c>Collaboration:Telemetry:Metrics</c> is true; traces, logs (and
/// metrics, when on) over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Off, nothing listens.
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "Collaboration:Telemetry";

    /// <summary>The OpenTelemetry SDK's own setting (environment or configuration): where OTLP data goes.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Collect metrics: the Api serves them on <c>/metrics</c> (Prometheus), and pushes them over OTLP when that is set.</summary>
    public bool Metrics { get; set; }

    /// <summary>When set (and metrics are on), the Api also answers <c>/metrics</c> on this port, without a key.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>An OTLP endpoint is configured: traces and logs are exported to it. Not a setting of ours.</summary>
    public bool Otlp { get; private set; }

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        settings.Otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        return settings;
    }
}
