using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Tests.Time;

/// <summary>
/// A clock that moves only when a test advances it; due timers fire synchronously inside <see cref="Advance"/>. The
/// clock is Microsoft's <see cref="FakeTimeProvider"/>; this keeps the tests' start time and an Advance that answers
/// the new time.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset? start = null)
    : FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero))
{
    /// <returns>The new time.</returns>
    public new DateTimeOffset Advance(TimeSpan by)
    {
        base.Advance(by);
        return GetUtcNow();
    }
}
