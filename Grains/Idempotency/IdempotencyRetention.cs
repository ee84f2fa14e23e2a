namespace Collaboration.Grains.Idempotency;

/// <summary>How long an answer to a POST with an <c>Idempotency-Key</c> is kept for replay.</summary>
public static class IdempotencyRetention
{
    /// <summary>24 hours, as docs/contract.md and the usual Idempotency-Key practice have it.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(24);
}
