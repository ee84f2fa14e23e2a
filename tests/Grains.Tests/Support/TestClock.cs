using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Support;

/// <summary>
/// The silo's domain clock (<see cref="Collaboration.Grains.Domain.DomainClock"/>): the <see cref="ManualTimeProvider"/> of the test running
/// now. Grains read the time through it, so each test sets and moves its own clock although all share one silo. Tests of the cluster
/// run one at a time (one xunit collection), so there is one current clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private ManualTimeProvider _current = new();

    public ManualTimeProvider Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="clock"/> the domain's time from now on.</summary>
    public void Use(ManualTimeProvider clock) => Volatile.Write(ref _current, clock ?? throw new ArgumentNullException(nameof(clock)));

    public override DateTimeOffset GetUtcNow() => Current.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => Current.LocalTimeZone;

    public override long TimestampFrequency => Current.TimestampFrequency;

    public override long GetTimestamp() => Current.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Current.CreateTimer(callback, state, dueTime, period);
}
