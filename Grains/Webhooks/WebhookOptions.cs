namespace Collaboration.Grains.Webhooks;

/// <summary>How webhooks are delivered (<c>Collaboration:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Collaboration:Webhooks";

    /// <summary>Whether <c>http</c> URLs to loopback are accepted (development and tests); otherwise only <c>https</c>.</summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>The wait after a first failed attempt; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a delivery is retried, from when it was queued; then it is given up and the next one goes.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The period of the reminder that wakes a webhook with deliveries pending (after a restart, say).</summary>
    public TimeSpan WakePeriod { get; set; } = TimeSpan.FromMinutes(1);
}
