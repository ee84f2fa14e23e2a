using System.Diagnostics.Metrics;
using Collaboration.Silo.Telemetry;

namespace Collaboration.Api.Hosting;

/// <summary>
/// The Api's instruments on the project's meter: live activity streams, replayed idempotent answers and requests
/// refused by the rate limiter. They record nothing while no listener (metrics off) has enabled them.
/// </summary>
public sealed class ApiMetrics
{
    private static readonly KeyValuePair<string, object?> ByKey = new("partition", "key");
    private static readonly KeyValuePair<string, object?> ByAddress = new("partition", "address");

    private readonly UpDownCounter<long> _streamListeners;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _rateLimited;

    public ApiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CollaborationTelemetry.MeterName);
        _streamListeners = meter.CreateUpDownCounter<long>(
            "collaboration.activity_stream.listeners", "{listener}", "Clients following /network/activity/stream now.");
        _replays = meter.CreateCounter<long>(
            "collaboration.idempotency.replays", "{response}", "POSTs answered with the stored answer of an earlier request with the same Idempotency-Key.");
        _rateLimited = meter.CreateCounter<long>(
            "collaboration.rate_limit.rejections", "{request}", "Requests answered 429, by what their window belongs to: an API key or a client address.");
    }

    public void StreamOpened() => _streamListeners.Add(1);

    public void StreamClosed() => _streamListeners.Add(-1);

    public void Replayed() => _replays.Add(1);

    public void RateLimited(bool byKey) => _rateLimited.Add(1, byKey ? ByKey : ByAddress);
}
