namespace Collaboration.Grains.Webhooks;

/// <summary>
/// A webhook and where its delivery stands. Its queue is an append log of its own (<c>webhook/{id}</c>), so a
/// payload is queued with one append and no state write; the state moves as deliveries finish.
/// </summary>
public sealed class WebhookState
{
    public const int MaxOutcomes = 100;

    public string? Owner { get; set; }

    public string? Url { get; set; }

    public List<string> Kinds { get; set; } = [];

    /// <summary>The HMAC key of the signatures. Kept as given: the receiver needs the same key to check them.</summary>
    public string? Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Every delivery up to this id is finished (delivered or given up).</summary>
    public long FinishedUpTo { get; set; }

    /// <summary>Attempts made so far at the delivery after <see cref="FinishedUpTo"/>.</summary>
    public int HeadAttempts { get; set; }

    public DateTimeOffset? HeadLastAttemptAt { get; set; }

    public string? HeadLastError { get; set; }

    /// <summary>The most recent finished deliveries, newest last; at most <see cref="MaxOutcomes"/>.</summary>
    public List<WebhookOutcome> Outcomes { get; set; } = [];
}
